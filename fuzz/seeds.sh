#!/bin/sh
# Build the seed directory of one fuzz target at run time, from the shared
# corpus and from the hand-written inputs below (the corpus is never
# copied into the project).
#   seeds.sh TARGET OUTDIR
# The corpus is $SDPX_CORPUS_DIR, else ../shared/corpus next to the source
# tree; without it only the hand-written seeds are made.
set -eu
target=$1
dir=$2
here=$(cd "$(dirname "$0")" && pwd)
corpus=${SDPX_CORPUS_DIR:-$here/../../shared/corpus}
mkdir -p "$dir"

# seed NAME: stdin becomes one seed file
seed() {
    cat >"$dir/$1"
}
# with_prefix BYTE [FILE]: one mode byte, then FILE (default: stdin)
with_prefix() {
    printf "$1"
    cat "${2:--}"
}

# Hand-written descriptions: an offer with the common WebRTC lines, a SIP
# style audio offer with every session line, LF endings, and quirks.
crlf() { sed 's/$/\r/'; }
offer() {
    crlf <<'SDP'
v=0
o=- 4611731400430051336 2 IN IP4 127.0.0.1
s=-
t=0 0
a=group:BUNDLE 0 1 2
a=extmap-allow-mixed
a=msid-semantic: WMS stream
m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126
c=IN IP4 0.0.0.0
a=rtcp:9 IN IP4 0.0.0.0
a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host generation 0 network-id 1
a=candidate:2 1 udp 1686052607 198.51.100.7 54321 typ srflx raddr 192.0.2.1 rport 54321
a=ice-ufrag:8hhY
a=ice-pwd:asd88fgpdd777uzjYhagZg
a=ice-options:trickle
a=fingerprint:sha-256 D2:FA:0E:C3:22:59:5E:14:95:69:92:3D:13:B4:84:24:2C:C2:A2:C0:3E:FD:34:8E:5E:EA:6F:AF:52:CE:E6:0F
a=setup:actpass
a=mid:0
a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
a=sendrecv
a=msid:stream track
a=rtcp-mux
a=rtpmap:111 opus/48000/2
a=rtcp-fb:111 transport-cc
a=fmtp:111 minptime=10;useinbandfec=1
a=rtpmap:63 red/48000/2
a=fmtp:63 111/111
a=ssrc:1001 cname:abc
a=ssrc-group:FID 1001 1002
m=video 9 UDP/TLS/RTP/SAVPF 96 97
c=IN IP4 0.0.0.0
a=mid:1
a=rtpmap:96 VP8/90000
a=rtpmap:97 rtx/90000
a=fmtp:97 apt=96
a=rtcp-fb:96 nack pli
a=rid:h send max-width=1280;max-height=720
a=rid:l send
a=simulcast:send h;~l
m=application 9 UDP/DTLS/SCTP webrtc-datachannel
c=IN IP4 0.0.0.0
a=mid:2
a=sctp-port:5000
a=max-message-size:262144
SDP
}
sip() {
    crlf <<'SDP'
v=0
o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5
s=SDP Seminar
i=A Seminar on the session description protocol
u=http://www.example.com/seminars/sdp.pdf
e=j.doe@example.com (Jane Doe)
p=+1 617 555-6011
c=IN IP4 224.2.17.12/127
b=CT:128
t=2873397496 2873404696
r=7d 1h 0 25h
z=2882844526 -1h 2898848070 0
k=clear:secret
a=recvonly
m=audio 49170 RTP/AVP 0
m=video 51372/2 RTP/AVP 99
c=IN IP6 ff15::101/3
b=AS:256
a=rtpmap:99 h263-1998/90000
a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4
SDP
}
quirks() {
    printf 'v=0\no=- 0 0 IN IP4 0.0.0.0 \ns=\n\nt=0 0\nx=unknown\na=rtcp-mux\nm=audio 70000 RTP/AVP\na=weird name:1\r\na=fmtp:96\nm=video 0 RTP/AVP 96'
}

case "$target" in
fuzz_parse | fuzz_roundtrip | fuzz_check | fuzz_redact | fuzz_show)
    # one mode byte, then the description
    if [ "$target" = fuzz_redact ]; then
        # lines with several fields to redact each: remote candidates, ufrag
        # extensions, SDES keys
        printf '\000v=0\r\no=- 1 1 IN IP4 10.1.1.1\r\ns=-\r\nt=0 0\r\nm=audio 5000 RTP/SAVP 0\r\na=remote-candidates:1 10.0.0.1 1001 1 10.0.0.2 1002 2 10.0.0.3 1003\r\na=candidate:1 1 udp 1 10.0.0.9 2999 typ srflx raddr 10.0.0.8 rport 2998 ufrag abcd ufrag efgh\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR;inline:QS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4\r\na=fingerprint:sha-1 01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67\r\n' |
            seed many-fields
    fi
    for m in 000 001 007 011 021; do
        offer | with_prefix "\\$m" | seed "offer-$m"
        sip | with_prefix "\\$m" | seed "sip-$m"
        quirks | with_prefix "\\$m" | seed "quirks-$m"
    done
    if [ -d "$corpus" ]; then
        for f in "$corpus"/valid/* "$corpus"/invalid/*; do
            [ -f "$f" ] || continue
            case "$f" in *.tsv | *.md | *.txt) continue ;; esac
            b=$(basename "$f")
            with_prefix '\000' "$f" | seed "l-$b"
            with_prefix '\001' "$f" | seed "s-$b"
        done
    fi
    ;;
fuzz_tokenize)
    offer | seed offer
    sip | seed sip
    quirks | seed quirks
    printf 'v=0\r\na=x\r\rb\0c\n\n x=1\nvv\n' | seed errors
    if [ -d "$corpus" ]; then
        for f in "$corpus"/valid/* "$corpus"/invalid/*; do
            [ -f "$f" ] || continue
            case "$f" in *.tsv | *.md | *.txt) continue ;; esac
            cp "$f" "$dir/c-$(basename "$f")"
        done
    fi
    ;;
fuzz_lines)
    # one selector byte (o c b t typed-time r z k m number), then a value;
    # values are the lines of the hand-written descriptions
    { offer; sip; } | tr -d '\r' | while IFS= read -r line; do
        case "$line" in
        o=*) sel='\000' ;;
        c=*) sel='\001' ;;
        b=*) sel='\002' ;;
        t=*) sel='\003' ;;
        r=*) sel='\005' ;;
        z=*) sel='\006' ;;
        k=*) sel='\007' ;;
        m=*) sel='\010' ;;
        *) continue ;;
        esac
        printf "$sel%s" "${line#?=}" >"$dir/line-$(printf '%s' "$line" | cksum | cut -d' ' -f1)"
    done
    for v in 7d -1h 25h 0 18446744073709551615 18446744073709551616 00000000000000000000001; do
        printf '\004%s' "$v" | seed "time$v"
        printf '\011%s' "$v" | seed "num$v"
    done
    ;;
fuzz_attr)
    # one selector byte (see fuzz_attr.c; 21 is added so no byte is NUL),
    # then an attribute value taken from the descriptions and the corpus
    {
        offer
        sip
        if [ -d "$corpus" ]; then
            cat "$corpus"/valid/*.sdp 2>/dev/null
        fi
    } | tr -d '\r' | awk -v dir="$dir" '
        BEGIN {
            split("rtpmap fmtp rtcp-fb extmap rtcp ptime ssrc ssrc-group msid msid-semantic rid simulcast fingerprint crypto sctpmap group remote-candidates ice-ufrag ice-options setup candidate", names, " ")
            for (i in names) sel[names[i]] = i - 1
            sel["ice-pwd"] = 17; sel["mid"] = 17; sel["tls-id"] = 17
            sel["maxptime"] = 5; sel["framerate"] = 5
            sel["ice-pacing"] = 19; sel["sctp-port"] = 19; sel["max-message-size"] = 19
            sel["quality"] = 19
        }
        /^a=/ {
            line = substr($0, 3)
            c = index(line, ":")
            if (c == 0) next
            name = substr(line, 1, c - 1)
            if (!(name in sel)) next
            value = substr(line, c + 1)
            if (name == "candidate") {
                # the extension part of a candidate: after the type
                t = index(value, " typ ")
                if (t == 0) next
                value = substr(value, t + 5)
                sub(/^[^ ]* ?/, "", value)
            }
            key = sel[name] SUBSEP value
            if ((key in seen) || count[name] >= 200) next
            seen[key] = 1
            count[name]++
            n++
            printf "%c%s", sel[name] + 21, value > (dir "/a" n)
            close(dir "/a" n)
        }'
    ;;
fuzz_candidate)
    # trickle strings and a=candidate values
    i=0
    if [ -f "$corpus/candidates.txt" ]; then
        while IFS= read -r c; do
            i=$((i + 1))
            printf '%s' "$c" >"$dir/t$i"
        done <"$corpus/candidates.txt"
    fi
    { offer; if [ -d "$corpus" ]; then cat "$corpus"/valid/*.sdp 2>/dev/null; fi; } |
        tr -d '\r' | grep '^a=candidate:' | sort -u | head -500 | while IFS= read -r c; do
        i=$((i + 1))
        printf '%s' "${c#a=candidate:}" >"$dir/c$i"
    done
    printf 'candidate:1 1 UDP 2130706431 10.0.1.1 8998 typ host tcptype passive' >"$dir/h1"
    printf 'a=candidate:2 1 tcp 1 fe80::1 9 typ srflx raddr 0.0.0.0 rport 0 tcptype active\r\n' >"$dir/h2"
    printf '' >"$dir/end"
    ;;
fuzz_edit)
    # a setup byte, an allocator byte, then every operation once with small
    # arguments (see fuzz_edit.c); mode 4 seeds carry a corpus description
    ops=""
    op=0
    while [ "$op" -lt 58 ]; do
        ops="$ops\\$(printf '%03o' "$op")\\001\\002\\003\\004\\005\\006\\007\\010\\011"
        op=$((op + 1))
    done
    for m in 000 001 002 003 010 021 040 061; do
        printf "\\$m\\003$ops" >"$dir/ops-$m"
    done
    if [ -d "$corpus" ]; then
        k=0
        for f in "$corpus"/valid/*.sdp; do
            [ -f "$f" ] || continue
            k=$((k + 1))
            [ "$k" -le 60 ] || break
            { printf '\004\000'; cat "$f"; printf "\\000$ops"; } >"$dir/c$k"
        done
    fi
    ;;
fuzz_fragment)
    # mode byte, then an RFC 8840 fragment
    frag() {
        crlf <<'SDP'
a=ice-ufrag:8hhY
a=ice-pwd:asd88fgpdd777uzjYhagZg
a=ice-options:trickle
m=audio 9 RTP/AVP 0
a=mid:0
a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host generation 0
a=candidate:2 1 udp 1686052607 198.51.100.7 54321 typ srflx raddr 192.0.2.1 rport 54321
a=end-of-candidates
m=audio 9 RTP/AVP 0
a=mid:1
a=candidate:3 1 tcp 1 2001:db8::1 9 typ host tcptype active
SDP
    }
    for m in 000 001 002 004 006 011; do
        frag | with_prefix "\\$m" | seed "frag-$m"
    done
    printf '\000a=ice-ufrag:zzzz\r\na=ice-pwd:0123456789abcdefghijkl\r\nm=audio 9 RTP/AVP 0\r\na=mid:0\r\n' | seed restart
    ;;
*)
    # targets that bring their own seeding (see fuzz/seeds-*.sh), or none
    if [ -f "$here/seeds-$target.sh" ]; then
        . "$here/seeds-$target.sh"
    fi
    ;;
esac
# libFuzzer wants at least one seed
[ -n "$(ls -A "$dir")" ] || printf 'v=0\r\n' | seed minimal
