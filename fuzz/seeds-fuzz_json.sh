# Seeds of fuzz_json (sourced by seeds.sh): hand-written JSON in the shape
# (mode byte 0 or 2), and descriptions from the corpus (mode byte 1 or 3).
printf '\000{"version":0,"origin":{"username":"-","sessionId":"123456789012345678901","sessionVersion":2,"netType":"IN","ipVer":4,"address":"127.0.0.1"},"name":"-","timing":{"start":0,"stop":0},"groups":[{"type":"BUNDLE","mids":"0 1"}],"media":[{"rtp":[{"payload":111,"codec":"opus","rate":48000,"encoding":2}],"fmtp":[{"payload":111,"config":"minptime=10"}],"type":"audio","port":9,"protocol":"UDP/TLS/RTP/SAVPF","payloads":111,"mid":0,"candidates":[{"foundation":1,"component":1,"transport":"udp","priority":1,"ip":"192.0.2.1","port":9,"type":"host","network-id":1}],"msid":[{"id":"s"}],"invalid":[{"value":"x:\\u00e9\\ud83d\\ude00"}]}]}' | seed shape
printf '\002{"media":[{"type":"video","port":"9","protocol":"RTP/AVP","payloads":"96 97","ssrcs":[{"id":1,"attribute":"cname","value":"a b"}],"rtcp":{"port":9}}]}' | seed lossless
printf '\010[[[[[[1]]]]]]' | seed deep
printf '\000{"media":[],"media":[]}' | seed dup
if [ -d "$corpus" ]; then
    for f in "$corpus"/valid/*.sdp; do
        [ -f "$f" ] || continue
        b=$(basename "$f")
        with_prefix '\001' "$f" | seed "c-$b"
        with_prefix '\003' "$f" | seed "l-$b"
    done
fi
