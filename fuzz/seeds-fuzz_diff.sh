# Seeds of fuzz_diff (sourced by seeds.sh): OLD, a NUL byte, NEW.
pair() { # NAME OLDFILE NEWFILE
    { cat "$2"; printf '\000'; cat "$3"; } >"$dir/$1"
}
tmpd=$(mktemp -d)
offer >"$tmpd/offer"
sip >"$tmpd/sip"
# a re-offer: ICE restart, version bump, a rejected section, a codec and a direction changed
sed 's/ 2 IN IP4/ 3 IN IP4/; s/ice-ufrag:8hhY/ice-ufrag:9zzQ/; s/m=application 9/m=application 0/;
     s/minptime=10/minptime=20/; s/a=sendrecv/a=recvonly/; s/send h;~l/send h;l/' "$tmpd/offer" >"$tmpd/reoffer"
pair reoffer "$tmpd/offer" "$tmpd/reoffer"
pair same "$tmpd/offer" "$tmpd/offer"
pair sip "$tmpd/sip" "$tmpd/offer"
if [ -d "$corpus/valid" ]; then
    prev=""
    k=0
    for f in "$corpus"/valid/*.sdp; do
        [ -f "$f" ] || continue
        k=$((k + 1))
        [ "$k" -le 80 ] || break
        [ -n "$prev" ] && pair "c$k" "$prev" "$f"
        prev=$f
    done
fi
rm -rf "$tmpd"
