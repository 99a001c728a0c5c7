# Generate the cases of tests/test_null.c from the function list that
# api_list.awk reads out of include/sdp.h:
#   awk -f null_gen.awk tests/null_allowed.txt api-list.txt > null_cases.h
# For every public function, one call per pointer argument with NULL there
# (and the fixture's handles and values elsewhere), one call per index
# argument with SIZE_MAX, each checked against the empty result of its
# return type unless tests/null_allowed.txt lists the argument as one whose
# NULL has a documented meaning.

function value(type, name) {
    if (type ~ /^(const )?sdpx_session \*$/) return "fx.s"
    if (type ~ /^(const )?sdpx_media \*$/) return "fx.m"
    if (type == "const sdpx_line *") return "fx.l"
    if (type == "sdpx_session **") return "&fx.out_s"
    if (type == "sdpx_media **") return "&fx.out_m"
    if (type == "sdpx_tokenizer *") return "&fx.tok"
    if (type == "char *") return "fx.buf"
    if (type == "void *" || type == "const void *") return "fx.buf"
    if (type == "const char *const *") return "fx.names"
    if (type == "const char *") return "\"x\""
    if (type == "sdpx_diag_fn") return "fx_diag"
    if (type == "sdpx_change_fn") return "fx_change"
    if (type == "sdpx_random_fn") return "fx_random"
    if (type == "sdpx_str") return "fx.view"
    if (type == "sdpx_attr_kind") return "SDPX_ATTR_RTPMAP"
    if (type ~ /\*$/) { t = type; sub(/ \*$/, "", t); return "&(" t "){0}" }
    if (type ~ /^sdpx_/) return "(" type ")1"
    return "1"
}

function ispointer(type) { return type ~ /\*$/ || type ~ /^sdpx_(diag|change|random)_fn$/ }

# The check macro for a return type: what an empty answer is.
function check(ret, pred) {
    if (ret == "void") return "NULL_VOID"
    if (ret == "int") return pred ? "NULL_PRED" : "NULL_INT"
    if (ret == "char *") return "NULL_ALLOC"
    if (ret ~ /\*$/) return "NULL_PTR"
    if (ret == "sdpx_str") return "NULL_STR"
    return "NULL_ZERO"
}

FNR == NR {
    if ($0 !~ /^[ \t]*(#|$)/) { split($0, w, " "); allowed[w[1] " " w[2]] = 1 }
    next
}

BEGIN { FS = "\t"; nfun = 0 }
{
    name = $1; ret = $2; pred = $3
    np = split($4, ps, ";")
    for (i = 1; i <= np; i++) {
        split(ps[i], tn, "|")
        ptype[i] = tn[1]; pname[i] = tn[2]
    }
    body = ""
    ncase = 0
    for (k = 1; k <= np; k++) {
        bad = ""
        if (ispointer(ptype[k])) bad = "NULL"
        else if (ptype[k] == "size_t" && pname[k] ~ /^(i|index|pos)$/) bad = "SIZE_MAX"
        if (bad == "") continue
        args = ""
        for (i = 1; i <= np; i++)
            args = args (i > 1 ? ", " : "") (i == k ? bad : value(ptype[i], pname[i]))
        ok = ((name " " pname[k]) in allowed) ? 1 : 0
        used[name " " pname[k]] = 1
        body = body sprintf("    %s(%d, \"%s\", %s(%s));\n", check(ret, pred), ok, pname[k],
                            name, args)
        ncase++
    }
    if (ncase == 0)
        body = "    (void)fx_unused;\n"
    printf "static void null_%s(void)\n{\n%s}\n\n", name, body
    funs[++nfun] = name
}
END {
    # an allowance for an argument that no longer exists is a stale line
    for (a in allowed)
        if (!(a in used))
            printf "#error \"null_allowed.txt names %s, which sdp.h does not have\"\n", a
    print "static const struct null_case null_cases[] = {"
    for (i = 1; i <= nfun; i++)
        printf "    {\"%s\", null_%s},\n", funs[i], funs[i]
    print "};"
}
