# Seeds of fuzz_answer (sourced by seeds.sh): the hand-written offers and
# every description of the corpus, each as it is (the input is the offer).
offer | seed offer
sip | seed sip
quirks | seed quirks
if [ -d "$corpus" ]; then
    for f in "$corpus"/valid/*; do
        [ -f "$f" ] || continue
        case "$f" in *.tsv | *.md | *.txt) continue ;; esac
        cp "$f" "$dir/c-$(basename "$f")"
    done
fi
