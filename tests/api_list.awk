# Read include/sdp.h and print one line per public function:
#   name<TAB>return type<TAB>predicate<TAB>param type|param name;...
#   <TAB>section<TAB>doc comment<TAB>declaration
# `predicate` is 1 when the function's doc comment says it answers 1 or 0
# ("1 if ...", "1 when ..."); `section` is the header's numbered part
# ("4. Model"); the doc comment is the /** */ block above the declaration
# (shared by the declarations that follow it). Used by null_gen.awk (the
# NULL-argument test) and man/man3_gen.awk (the section 3 pages), so the
# list of functions is written down once: in the header.

# A comment line without its leading " * ".
function strip(s) { sub(/^[ \t]*\*+[ \t]?/, "", s); return s }
function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
function squeeze(s) { gsub(/[ \t\n]+/, " ", s); return trim(s) }

# Split a declaration "T *name" into type and name.
function param(p,    name, type) {
    p = squeeze(p)
    if (p == "void" || p == "")
        return ""
    name = p
    sub(/^.*[ *]/, "", name)
    type = substr(p, 1, length(p) - length(name))
    type = squeeze(type)
    gsub(/ \*/, "*", type)
    gsub(/\*/, " *", type)
    gsub(/\* \*/, "**", type)
    return squeeze(type) "|" name
}

function emit(stmt,    head, args, name, ret, n, parts, i, out, pr) {
    stmt = squeeze(stmt)
    if (stmt ~ /^typedef/ || stmt ~ /^(struct|enum)/ || stmt !~ /sdpx_[a-z0-9_]+ *\(/)
        return
    head = stmt
    sub(/\(.*$/, "", head)
    name = head
    sub(/^.*[ *]/, "", name)
    if (name !~ /^sdpx_/)
        return
    ret = squeeze(substr(head, 1, length(head) - length(name)))
    gsub(/ \*/, "*", ret)
    gsub(/\*/, " *", ret)
    ret = squeeze(ret)
    args = stmt
    sub(/^[^(]*\(/, "", args)
    sub(/\) *;? *$/, "", args)
    n = split(args, parts, ",")
    out = ""
    for (i = 1; i <= n; i++) {
        pr = param(parts[i])
        if (pr != "")
            out = out (out == "" ? "" : ";") pr
    }
    pr = (doc ~ /(^|[^0-9])1 (if|when)/ || doc ~ /[Rr]eturns 1 /) ? 1 : 0
    printf "%s\t%s\t%d\t%s\t%s\t%s\t%s\n", name, ret, pr, out, section, squeeze(doc), stmt
}

BEGIN { incomment = 0; depth = 0; stmt = ""; doc = "" }
{
    line = $0
    # comments: a doc comment opening after code belongs to what follows
    out = ""
    while (line != "") {
        if (incomment) {
            e = index(line, "*/")
            if (e == 0) { cur = cur " " strip(line); line = ""; break }
            cur = cur " " strip(substr(line, 1, e - 1))
            line = substr(line, e + 2)
            incomment = 0
            if (depth == 0 && trim(cur) ~ /^[0-9]+\. /) {
                section = trim(cur)
                doc = ""
            } else if (depth == 0 && iscdoc)
                doc = cur
            else if (depth == 0 && trim(out) == "" && trim(stmt) == "" && trim(cur) !~ /^=+$/)
                doc = ""  # a plain comment between groups ends the doc's reach
            continue
        }
        b = index(line, "/*")
        if (b == 0) { out = out line; line = ""; break }
        out = out substr(line, 1, b - 1)
        iscdoc = (substr(line, b, 3) == "/**" && trim(out) == "" && trim(stmt) == "")
        cur = ""
        line = substr(line, b + (iscdoc ? 3 : 2))
        incomment = 1
    }
    # skip directives and the C++ guard they wrap
    if (out ~ /^[ \t]*#ifdef __cplusplus/) { incpp = 1; next }
    if (incpp) { if (out ~ /^[ \t]*#endif/) incpp = 0; next }
    if (out ~ /^[ \t]*#/)
        next
    for (k = 1; k <= length(out); k++) {
        c = substr(out, k, 1)
        if (c == "{") depth++
        else if (c == "}") { depth--; if (depth == 0) { stmt = ""; continue } }
        if (depth > 0) continue
        if (c == ";") { emit(stmt ";"); stmt = ""; continue }
        stmt = stmt c
    }
    if (depth == 0) stmt = stmt " "
}
