# Generate the attribute name classifier and the kind -> row index from the
# rows[] table of src/attr/registry.c, so the table stays one row per
# attribute while lookups switch on the name's length and first byte.
# usage: awk -f registry_gen.awk src/attr/registry.c > registry_index.h
/^static const attr_row rows\[\] = \{/ { inrows = 1; next }
inrows && /^\};/ { inrows = 0 }
inrows { text = text " " $0 }
END {
    n = 0
    while (match(text, /ROWC?\([ \t]*"[^"]*"[ \t]*,[ \t]*SDPX_ATTR_[A-Z0-9_]+/)) {
        row = substr(text, RSTART, RLENGTH)
        text = substr(text, RSTART + RLENGTH)
        q1 = index(row, "\"")
        rest = substr(row, q1 + 1)
        q2 = index(rest, "\"")
        name[n] = substr(rest, 1, q2 - 1)
        k = substr(rest, q2 + 1)
        sub(/^[ \t]*,[ \t]*/, "", k)
        kind[n] = k
        len = length(name[n])
        first = substr(name[n], 1, 1)
        if (!((len, first) in bucket)) {
            bucket[len, first] = ""
            if (!(len in lens)) {
                lens[len] = 1
                firsts[len] = ""
            }
            firsts[len] = firsts[len] first
        }
        bucket[len, first] = bucket[len, first] " " n
        n++
    }
    print "/* Generated from src/attr/registry.c by src/attr/registry_gen.awk; do not edit. */"
    print "#define SDPXI_GEN_NROWS " n
    printf "#define SDPXI_GEN_ROW_BY_KIND {"
    for (i = 0; i < n; i++)
        printf " [%s] = %d,", kind[i], i + 1
    print " }"
    print ""
    print "/* Index in rows[] of the attribute named p[0..n), or -1. */"
    print "static int sdpxi_gen_row_of_name(const char *p, size_t n)"
    print "{"
    print "    switch (n) {"
    for (len = 1; len <= 255; len++) {
        if (!(len in lens))
            continue
        printf "    case %d:\n", len
        print "        switch (p[0]) {"
        f = firsts[len]
        for (j = 1; j <= length(f); j++) {
            c = substr(f, j, 1)
            printf "        case '%s':\n", c
            m = split(bucket[len, c], idx, " ")
            for (t = 1; t <= m; t++)
                printf "            if (memcmp(p, \"%s\", %d) == 0)\n                return %d;\n", name[idx[t]], len, idx[t]
            print "            return -1;"
        }
        print "        default:"
        print "            return -1;"
        print "        }"
    }
    print "    default:"
    print "        return -1;"
    print "    }"
    print "}"
}
