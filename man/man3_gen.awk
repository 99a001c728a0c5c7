# Write the section 3 manual pages from the function list api_list.awk reads
# out of include/sdp.h (one page per numbered part of the header, e.g.
# sdpx_model.3 for "4. Model", and sdpx.3 naming them all):
#   awk -v outdir=man -v version=0.1.0 -f man/man3_gen.awk api_list.txt
# Every word comes from the header's doc comments, so the pages cannot say
# something the header does not.

function slug(title,    s) {
    s = title
    sub(/^[0-9]+\. */, "", s)
    sub(/[:(].*$/, "", s)
    gsub(/^ +| +$/, "", s)
    s = tolower(s)
    gsub(/[^a-z0-9]+/, "_", s)
    return "sdpx_" s
}

# roff: backslashes and leading dots or quotes must not be read as requests
function esc(s) {
    gsub(/\\/, "\\e", s)
    if (s ~ /^[.']/) s = "\\&" s
    return s
}

BEGIN { FS = "\t"; npages = 0 }
{
    sec = $5 == "" ? "1. Basics" : $5
    if (!(sec in page)) {
        page[sec] = slug(sec)
        order[++npages] = sec
    }
    n = ++count[sec]
    fname[sec, n] = $1
    decl[sec, n] = $7
    doc[sec, n] = $6
}
END {
    for (p = 1; p <= npages; p++) {
        sec = order[p]
        f = outdir "/" page[sec] ".3"
        title = sec
        sub(/^[0-9]+\. */, "", title)
        printf ".TH %s 3 \"\" \"sdpx %s\" \"sdpx manual\"\n", toupper(page[sec]), version > f
        printf ".SH NAME\n%s \\- %s\n", page[sec], esc(title) > f
        printf ".SH SYNOPSIS\n.nf\n.B #include <sdpx/sdp.h>\n.PP\n" > f
        for (i = 1; i <= count[sec]; i++)
            printf "%s\n", esc(decl[sec, i]) > f
        printf ".fi\n.SH DESCRIPTION\n" > f
        for (i = 1; i <= count[sec]; i++) {
            printf ".SS %s\n.nf\n%s\n.fi\n", fname[sec, i], esc(decl[sec, i]) > f
            if (i == count[sec] || doc[sec, i] != doc[sec, i + 1])
                printf ".PP\n%s\n", esc(doc[sec, i]) > f
        }
        printf ".SH SEE ALSO\n.BR sdpx (3),\n.BR sdpx (1)\n" > f
        close(f)
    }
    f = outdir "/sdpx.3"
    printf ".TH SDPX 3 \"\" \"sdpx %s\" \"sdpx manual\"\n", version > f
    printf ".SH NAME\nsdpx \\- parse, inspect, edit and write SDP (RFC 8866)\n" > f
    printf ".SH SYNOPSIS\n.nf\n.B #include <sdpx/sdp.h>\n.fi\n.PP\nLink with \\fB\\-lsdpx\\fP (pkg\\-config sdpx).\n" > f
    printf ".SH DESCRIPTION\nThe API, one page per part of the header:\n" > f
    for (p = 1; p <= npages; p++) {
        title = order[p]
        sub(/^[0-9]+\. */, "", title)
        printf ".TP\n.BR %s (3)\n%s (%d functions)\n", page[order[p]], esc(title), count[order[p]] > f
    }
    printf ".SH SEE ALSO\n.BR sdpx (1)\n" > f
    close(f)
}
