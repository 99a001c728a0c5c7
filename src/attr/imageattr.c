/* a=imageattr (RFC 6236): image sizes a receiver or sender supports, per
 * payload type and direction.
 *
 * RFC 6236 3.1.1:
 *   image-attr = "imageattr:" PT 1*2( 1*WSP ( "send" / "recv" ) 1*WSP attr-list )
 *   PT         = 1*DIGIT / "*"
 *   attr-list  = ( set *(1*WSP set) ) / "*"
 *   set        = "[" "x=" xyrange "," "y=" xyrange *( "," key-value ) "]"
 *   key-value  = ( "sar=" srange ) / ( "par=" prange ) / ( "q=" qvalue )
 *                ; at most one each of sar, par and q; other keys MAY follow
 *   xyvalue    = onetonine *5DIGIT
 *   xyrange    = ( "[" xyvalue ":" [ step ":" ] xyvalue "]" )   ; upper > lower
 *              / ( "[" xyvalue 1*( "," xyvalue ) "]" ) / xyvalue
 *   spvalue    = ( "0" "." onetonine *3DIGIT ) / ( onetonine "." 1*4DIGIT )
 *   srange     = ( "[" spvalue 1*( "," spvalue ) "]" )          ; unique
 *              / ( "[" spvalue "-" spvalue "]" ) / spvalue       ; upper > lower
 *   prange     = ( "[" spvalue "-" spvalue "]" )                 ; upper > lower
 *   qvalue     = ( "0" "." 1*2DIGIT ) / ( "1" "." 1*2("0") )
 */
#include "attr.h"

#define BAD(tok, what, why) sdpxi_bad_set(bad, value, (tok), SDPX_EVALUE, (what), (why))

static int is_wsp(char c) { return c == ' ' || c == '\t'; }

static sdpx_str skip_wsp(sdpx_str s)
{
    while (s.len && is_wsp(s.ptr[0])) {
        s.ptr++;
        s.len--;
    }
    return s;
}

/* xyvalue = onetonine *5DIGIT; sets *n. */
static int xyvalue(sdpx_str v, uint32_t *n)
{
    uint64_t x;
    if (v.len == 0 || v.len > 6 || v.ptr[0] == '0' || sdpxi_parse_uint(v, 999999, &x))
        return 0;
    *n = (uint32_t)x;
    return 1;
}

/* spvalue, in units of 1/10000 (0.1000-9.9999 -> 1000-99999). */
static int spvalue(sdpx_str v, uint32_t *n)
{
    if (v.len < 3 || !sdpxi_is_digit(v.ptr[0]) || v.ptr[1] != '.')
        return 0;
    size_t frac = v.len - 2;
    if (frac > 4 || (v.ptr[0] == '0' && (v.ptr[2] < '1' || v.ptr[2] > '9')))
        return 0;
    uint32_t x = (uint32_t)(v.ptr[0] - '0');
    for (size_t i = 0; i < 4; i++) {
        if (i < frac && !sdpxi_is_digit(v.ptr[2 + i]))
            return 0;
        x = x * 10 + (i < frac ? (uint32_t)(v.ptr[2 + i] - '0') : 0);
    }
    *n = x;
    return 1;
}

/* The inside of "[...]" when v is bracketed, else an empty view with *br 0. */
static sdpx_str inner(sdpx_str v, int *br)
{
    *br = v.len >= 2 && v.ptr[0] == '[' && v.ptr[v.len - 1] == ']';
    return *br ? sdpxi_str(v.ptr + 1, v.len - 2) : v;
}

/* xyrange: sets the smallest and largest value. */
static int xyrange(sdpx_str value, sdpx_str v, uint32_t *lo, uint32_t *hi, const char *what,
                   sdpxi_bad *bad)
{
    int br, found;
    sdpx_str in = inner(v, &br), rest = in;
    uint32_t a, b, s;
    if (!br) {
        if (!xyvalue(v, &a))
            return BAD(v, what, "is not a size 1-999999");
        *lo = *hi = a;
        return 0;
    }
    if (memchr(in.ptr, ':', in.len)) {
        sdpx_str f1 = sdpxi_cut(&rest, ':', &found), f2 = sdpxi_cut(&rest, ':', &found), f3 = rest;
        if (!found)
            f3 = f2; /* "[a:b]": no step */
        else if (!xyvalue(f2, &s))
            return BAD(f2, what, "has a step that is not 1-999999");
        if (!xyvalue(f1, &a) || !xyvalue(f3, &b) || memchr(f3.ptr, ':', f3.len))
            return BAD(v, what, "is not [low:high] or [low:step:high]");
        if (b <= a)
            return BAD(v, what, "has an upper bound not above its lower one");
        *lo = a;
        *hi = b;
        return 0;
    }
    *lo = UINT32_MAX;
    *hi = 0;
    int n = 0;
    for (found = 1; found; n++) {
        sdpx_str f = sdpxi_cut(&rest, ',', &found);
        if (!xyvalue(f, &a))
            return BAD(f.len ? f : v, what, "is not a size 1-999999");
        *lo = a < *lo ? a : *lo;
        *hi = a > *hi ? a : *hi;
    }
    if (n < 2)
        return BAD(v, what, "lists one value in brackets");
    return 0;
}

/* srange (sar) or prange (par, ranges only). */
static int sprange(sdpx_str value, sdpx_str v, int ranges_only, const char *what, sdpxi_bad *bad)
{
    int br, found;
    sdpx_str in = inner(v, &br), rest = in;
    uint32_t a, b;
    if (!br) {
        if (ranges_only || !spvalue(v, &a))
            return BAD(v, what, ranges_only ? "is not [low-high]" : "is not a ratio 0.1-9.9999");
        return 0;
    }
    if (memchr(in.ptr, '-', in.len)) {
        sdpx_str f1 = sdpxi_cut(&rest, '-', &found);
        if (!spvalue(f1, &a) || !spvalue(rest, &b))
            return BAD(v, what, "is not [low-high] of ratios 0.1-9.9999");
        if (b <= a)
            return BAD(v, what, "has an upper bound not above its lower one");
        return 0;
    }
    if (ranges_only)
        return BAD(v, what, "is not [low-high]");
    /* RFC 6236 3.1.1: each spvalue of a list is unique. Short lists (the
     * real ones) compare with the values before them; a longer one marks a
     * bit per value (1000-99999 in 1/10000 units), so it stays linear. */
    uint32_t few[8];
    uint8_t seen[100000 / 8];
    int n = 0, marked = 0;
    for (found = 1; found; n++) {
        sdpx_str f = sdpxi_cut(&rest, ',', &found);
        if (!spvalue(f, &a))
            return BAD(f.len ? f : v, what, "is not a ratio 0.1-9.9999");
        int dup = 0;
        if (n < 8) {
            for (int i = 0; i < n; i++)
                dup |= few[i] == a;
            few[n] = a;
        } else {
            if (!marked) {
                memset(seen, 0, sizeof seen);
                for (int i = 0; i < 8; i++)
                    seen[few[i] / 8] = (uint8_t)(seen[few[i] / 8] | (1u << (few[i] % 8)));
                marked = 1;
            }
            dup = (seen[a / 8] >> (a % 8)) & 1;
            seen[a / 8] = (uint8_t)(seen[a / 8] | (1u << (a % 8)));
        }
        if (dup)
            return BAD(f, what, "lists a value twice");
    }
    if (n < 2)
        return BAD(v, what, "lists one value in brackets");
    return 0;
}

/* qvalue = "0." 1*2DIGIT / "1." 1*2"0" */
static int qvalue(sdpx_str v)
{
    if (v.len < 3 || v.len > 4 || v.ptr[1] != '.')
        return 0;
    for (size_t i = 2; i < v.len; i++)
        if (!sdpxi_is_digit(v.ptr[i]) || (v.ptr[0] == '1' && v.ptr[i] != '0'))
            return 0;
    return v.ptr[0] == '0' || v.ptr[0] == '1';
}

/* The next ','-separated item of a set at bracket depth 0. */
static sdpx_str next_item(sdpx_str *rest, int *found)
{
    int depth = 0;
    for (size_t i = 0; i < rest->len; i++) {
        char c = rest->ptr[i];
        if (c == '[')
            depth++;
        else if (c == ']')
            depth--;
        else if (c == ',' && depth == 0) {
            sdpx_str item = sdpxi_str(rest->ptr, i);
            *rest = sdpxi_str(rest->ptr + i + 1, rest->len - i - 1);
            *found = 1;
            return item;
        }
    }
    sdpx_str item = *rest;
    *rest = sdpxi_str(rest->ptr + rest->len, 0);
    *found = 0;
    return item;
}

static int starts(sdpx_str s, const char *pre)
{
    size_t n = strlen(pre);
    return s.len >= n && memcmp(s.ptr, pre, n) == 0;
}

/* One set, "[" ... "]" exactly (value: the whole a= value, for offsets). */
static int decode_set(sdpx_str value, sdpx_str set, sdpx_imageattr_set *out, sdpxi_bad *bad)
{
    sdpx_imageattr_set s;
    memset(&s, 0, sizeof s);
    s.text = set;
    sdpx_str rest = sdpxi_str(set.ptr + 1, set.len - 2), item;
    int found, rc;
    item = next_item(&rest, &found);
    if (!starts(item, "x="))
        return BAD(item, "imageattr set", "does not start with x=");
    s.x = sdpxi_str(item.ptr + 2, item.len - 2);
    if ((rc = xyrange(value, s.x, &s.x_min, &s.x_max, "x range", bad)))
        return rc;
    if (!found)
        return BAD(sdpxi_str(set.ptr + set.len - 1, 0), "imageattr set", "has no y=");
    item = next_item(&rest, &found);
    if (!starts(item, "y="))
        return BAD(item, "imageattr set", "has no y= after x=");
    s.y = sdpxi_str(item.ptr + 2, item.len - 2);
    if ((rc = xyrange(value, s.y, &s.y_min, &s.y_max, "y range", bad)))
        return rc;
    while (found) {
        item = next_item(&rest, &found);
        sdpx_str *slot = NULL;
        if (starts(item, "sar="))
            slot = &s.sar;
        else if (starts(item, "par="))
            slot = &s.par;
        else if (starts(item, "q="))
            slot = &s.q;
        const char *eq = item.len ? memchr(item.ptr, '=', item.len) : NULL;
        if (!eq || eq == item.ptr)
            return BAD(item, "imageattr parameter", "is not key=value");
        if (!slot)
            continue; /* RFC 6236 3.1.1: other keyword parameters MAY follow */
        if (slot->ptr)
            return BAD(item, "imageattr parameter", "appears twice in a set");
        *slot = sdpxi_str(eq + 1, (size_t)(item.ptr + item.len - eq - 1));
        if (slot == &s.sar && (rc = sprange(value, s.sar, 0, "sar", bad)))
            return rc;
        if (slot == &s.par && (rc = sprange(value, s.par, 1, "par", bad)))
            return rc;
        if (slot == &s.q && !qvalue(s.q))
            return BAD(s.q, "q", "is not a preference 0.00-1.00");
    }
    if (out)
        *out = s;
    return 0;
}

/* The end of the set starting at s.ptr[0] == '[': its matching ']'. */
static size_t set_end(sdpx_str s)
{
    int depth = 0;
    for (size_t i = 0; i < s.len; i++) {
        if (s.ptr[i] == '[')
            depth++;
        else if (s.ptr[i] == ']' && --depth == 0)
            return i + 1;
    }
    return 0;
}

/* Take the next set (or the "*" list) off *rest. 1, 0 at the end, or an error. */
static int take_set(sdpx_str value, sdpx_str *rest, sdpx_imageattr_set *out, sdpxi_bad *bad)
{
    *rest = skip_wsp(*rest);
    if (rest->len == 0)
        return 0;
    if (rest->ptr[0] == '*') {
        if (rest->len > 1 && !is_wsp(rest->ptr[1]))
            return BAD(*rest, "imageattr list", "has text after \"*\"");
        *rest = sdpxi_str(rest->ptr + rest->len, 0);
        return 0;
    }
    if (rest->ptr[0] != '[')
        return BAD(*rest, "imageattr set", "does not start with \"[\"");
    size_t n = set_end(*rest);
    if (n == 0)
        return BAD(*rest, "imageattr set", "has no closing \"]\"");
    if (n < rest->len && !is_wsp(rest->ptr[n]))
        return BAD(sdpxi_str(rest->ptr + n, rest->len - n), "imageattr set",
                   "is not followed by a space");
    sdpx_str set = sdpxi_str(rest->ptr, n);
    *rest = sdpxi_str(rest->ptr + n, rest->len - n);
    int rc = decode_set(value, set, out, bad);
    return rc ? rc : 1;
}

int sdpx_imageattr_set_next(sdpx_str *rest, sdpx_imageattr_set *out)
{
    if (!rest || !out)
        return SDPX_EINVAL;
    sdpx_str value = *rest;
    return take_set(value, rest, out, NULL);
}

/* An attr-list: "*" or one or more sets. */
static int check_list(sdpx_str value, sdpx_str list, sdpxi_bad *bad)
{
    sdpx_str rest = list;
    int n = 0, rc;
    if (sdpx_str_eq(list, "*"))
        return 0;
    while ((rc = take_set(value, &rest, NULL, bad)) == 1)
        n++;
    if (rc < 0)
        return rc;
    if (n == 0)
        return BAD(list, "imageattr list", "is empty");
    return 0;
}

/* The attr-list after a direction: up to the next WSP "send"/"recv" outside brackets. */
static sdpx_str list_extent(sdpx_str rest, sdpx_str *after)
{
    int depth = 0;
    for (size_t i = 0; i < rest.len; i++) {
        char c = rest.ptr[i];
        if (c == '[')
            depth++;
        else if (c == ']')
            depth--;
        else if (depth == 0 && is_wsp(c)) {
            sdpx_str tail = skip_wsp(sdpxi_str(rest.ptr + i, rest.len - i));
            if (starts(tail, "send") || starts(tail, "recv")) {
                *after = sdpxi_str(rest.ptr + i, rest.len - i);
                return sdpxi_str(rest.ptr, i);
            }
            i = (size_t)(tail.ptr - rest.ptr) - 1; /* past the run of WSP: linear */
        }
    }
    *after = sdpxi_str(rest.ptr + rest.len, 0);
    return rest;
}

static int decode_imageattr(sdpx_str value, sdpx_imageattr *out, sdpxi_bad *bad)
{
    sdpx_imageattr a;
    memset(&a, 0, sizeof a);
    size_t n = 0;
    while (n < value.len && !is_wsp(value.ptr[n]))
        n++;
    sdpx_str pt = sdpxi_str(value.ptr, n), rest = sdpxi_str(value.ptr + n, value.len - n);
    int rc;
    if (n == 0)
        return BAD(pt, "payload type", "is missing");
    if (sdpx_str_eq(pt, "*"))
        a.wildcard = 1;
    else if ((rc = sdpxi_payload_type(value, pt, &a.payload_type, bad)))
        return rc;
    for (int i = 0; i < 2; i++) {
        sdpx_str start = rest;
        rest = skip_wsp(rest);
        if (rest.len == 0 && i == 1)
            break;
        if (rest.len == 0 || rest.ptr == start.ptr)
            return BAD(sdpxi_str(rest.ptr, 0), "imageattr", "needs \" send\" or \" recv\" and a list");
        sdpx_str dir = sdpxi_str(rest.ptr, rest.len < 4 ? rest.len : 4);
        int send = sdpx_str_eq(dir, "send");
        if (!send && !sdpx_str_eq(dir, "recv"))
            return BAD(dir, "imageattr direction", "is not send or recv");
        if (send ? a.has_send : a.has_recv)
            return BAD(dir, "imageattr direction", "appears twice (RFC 6236 3.1.1)");
        sdpx_str after4 = sdpxi_str(rest.ptr + 4, rest.len - 4);
        if (!after4.len || !is_wsp(after4.ptr[0]))
            return BAD(sdpxi_str(after4.ptr, 0), "imageattr direction", "needs a list after it");
        sdpx_str list = list_extent(skip_wsp(after4), &rest);
        if ((rc = check_list(value, list, bad)))
            return rc;
        if (send) {
            a.send = list;
            a.has_send = 1;
        } else {
            a.recv = list;
            a.has_recv = 1;
            a.recv_first = !a.has_send;
        }
    }
    rest = skip_wsp(rest);
    if (rest.len)
        return BAD(rest, "text", "follows the imageattr lists (RFC 6236 3.1.1: two at most)");
    if (out)
        *out = a;
    return 0;
}

int sdpx_imageattr_parse(sdpx_str value, sdpx_imageattr *out)
{
    return out ? decode_imageattr(value, out, NULL) : SDPX_EINVAL;
}

SDPXI_DEFINE_CHECK(imageattr, sdpx_imageattr, decode_imageattr)

int sdpx_imageattr_write(const sdpx_imageattr *a, char *buf, size_t cap)
{
    sdpxi_out o = SDPXI_OUT(buf, cap);
    if (!a)
        return sdpxi_out_done(&o, 1);
    int bad = (!a->has_send && !a->has_recv) || (!a->wildcard && a->payload_type > 127);
    for (int i = 0; i < 2 && !bad; i++) {
        int has = i ? a->has_recv : a->has_send;
        sdpx_str list = i ? a->recv : a->send;
        if (has && (!sdpxi_line_safe(list) || check_list(list, list, NULL)))
            bad = 1;
    }
    if (a->wildcard)
        sdpxi_out_cstr(&o, "*");
    else
        sdpxi_out_u64(&o, a->payload_type);
    for (int i = 0; i < 2; i++) {
        int recv = a->recv_first ? i == 0 : i == 1;
        if (recv ? !a->has_recv : !a->has_send)
            continue;
        sdpxi_out_cstr(&o, recv ? " recv " : " send ");
        sdpxi_out_str(&o, recv ? a->recv : a->send);
    }
    return sdpxi_out_done(&o, bad);
}
