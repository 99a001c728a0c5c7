/*
 * sdpx: parse, inspect, edit and write SDP (RFC 8866) for WebRTC and SIP.
 *
 * One header, grouped by layer, in the order data flows through the library:
 *
 *   1. Basics        views (sdpx_str), status codes, errors, diagnostics
 *   2. Tokenizer     zero-allocation line and field splitting
 *   3. Parsing       options, limits, allocator, sdpx_parse, sdpx_check
 *   4. Model         session, media sections, lines, attribute lookup
 *   5. Core lines    typed decoders for o= c= b= t= r= z= k= m=
 *   6. Attributes    typed decoders and encoders for WebRTC/RTP attributes
 *   7. Edits         safe munging of a parsed session
 *   8. Writer        session back to bytes
 *   9. JSON          sdp-transform's JSON shape, out and back in
 *  10. Negotiation   builder, capabilities, answerer, answer verification
 *  11. Diff, JSEP    what changed between two descriptions; offer/answer states
 *
 * Conventions
 * - Every public name starts with sdpx_ or SDPX_.
 * - Functions that can fail return 0 on success or a negative SDPX_E* code;
 *   sdpx_strerror() turns a code into text.
 * - sdpx_str is a view (pointer + length), never NUL-terminated. Views that
 *   come from a session stay valid until the session is freed; views filled by
 *   a decoder point into the value the decoder was given.
 * - NULL and out-of-range arguments never crash: a NULL handle, input or
 *   out-pointer (and an index past the end) gets the function's empty
 *   result: SDPX_EINVAL from a function returning a code (0 from one that
 *   answers 1 or 0), 0 from a count, index or enum, NULL for a handle, an
 *   empty view; an edit so refused changes nothing. An argument whose NULL
 *   means something says so (NULL `after`: from the start). A NULL output
 *   buffer measures, as cap 0 does. (tests/test_null.c checks every
 *   function, its cases generated from this header.)
 * - Nothing here keeps global state: distinct sessions may be used from
 *   distinct threads freely, and one session may be read (not edited) from
 *   many threads at once.
 */
#ifndef SDPX_SDP_H
#define SDPX_SDP_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SDPX_VERSION_MAJOR 0
#define SDPX_VERSION_MINOR 1
#define SDPX_VERSION_PATCH 0
#define SDPX_VERSION_STRING "0.1.0"

/** The library's version string at run time, e.g. "0.1.0". */
const char *sdpx_version(void);

/* ===================================================================== */
/* 1. Basics                                                             */
/* ===================================================================== */

/** A view of bytes owned by someone else. Not NUL-terminated. */
typedef struct sdpx_str {
    const char *ptr;
    size_t len;
} sdpx_str;

/** 1 if the view holds exactly the NUL-terminated string `cstr`, else 0. */
int sdpx_str_eq(sdpx_str s, const char *cstr);

/** 1 if the view equals `cstr` ignoring ASCII case, else 0. */
int sdpx_str_ieq(sdpx_str s, const char *cstr);

/**
 * Checked decimal conversion of a whole view: digits only, no sign, no
 * spaces. Returns 0 and sets *out, SDPX_EOVERFLOW when the digits do not fit
 * in 64 bits (never clamps), or SDPX_EFIELD when the view is empty or holds
 * anything but digits.
 */
int sdpx_str_u64(sdpx_str s, uint64_t *out);

/**
 * Status codes. 0 is success; errors are negative and stable (their numbers
 * never change). Positive codes are warnings: quirks the lenient parser
 * tolerated, reported through diagnostics only.
 */
typedef enum sdpx_code {
    SDPX_OK = 0,
    /* resources and API use */
    SDPX_ENOMEM = -1,      /* the allocator failed */
    SDPX_ESCRATCH = -2,    /* scratch memory too small and heap use forbidden */
    SDPX_EINVAL = -3,      /* invalid argument or value (setters, decoders) */
    SDPX_ENOTFOUND = -4,   /* the requested line, attribute or field is absent */
    SDPX_EOVERFLOW = -5,   /* a number does not fit the requested type */
    SDPX_ELIMIT = -6,      /* a configured limit was exceeded */
    /* text errors, reported with line and column */
    SDPX_EEMPTY = -10,     /* the input is empty */
    SDPX_ESYNTAX = -11,    /* a line is not of the form <lowercase letter>=<value> */
    SDPX_ENUL = -12,       /* a NUL byte in the input */
    SDPX_ECR = -13,        /* a CR not followed by LF */
    SDPX_EVERSION = -14,   /* the first line is not v=0 */
    SDPX_ERANGE = -15,     /* a number is out of the range its field allows */
    SDPX_EFIELD = -16,     /* a field is missing or malformed */
    SDPX_EORDER = -17,     /* strict: a line is out of the RFC 8866 order */
    SDPX_EMISSING = -18,   /* strict: a mandatory line is missing */
    SDPX_EVALUE = -19,     /* strict: a value breaks its grammar */
    SDPX_EUNKNOWN = -20,   /* strict: unknown line type */
    SDPX_ESCOPE = -21,     /* strict: attribute not allowed at this level */
    SDPX_EDUPLICATE = -22, /* strict: a line that may appear once appears twice */
    SDPX_ESTALE = -23,     /* a handle to a line or media section an edit removed or moved */
    /* semantic validation (sdpx_validate): cross-references between lines */
    SDPX_EV_PT_NOT_IN_MLINE = -100,     /* rtpmap/fmtp/rtcp-fb payload type not in the m= line */
    SDPX_EV_APT_UNKNOWN = -101,         /* fmtp apt= names a payload type not in the m= line */
    SDPX_EV_GROUP_MID_UNKNOWN = -102,   /* a=group (BUNDLE, ...) names a mid no section has */
    SDPX_EV_MID_DUPLICATE = -103,       /* two media sections share a mid */
    SDPX_EV_SIMULCAST_RID_UNKNOWN = -104, /* simulcast names a rid without an a=rid line */
    SDPX_EV_SIMULCAST_RID_DIRECTION = -105, /* simulcast send/recv differs from the rid's */
    SDPX_EV_RID_PT_UNKNOWN = -106,      /* a=rid pt= names a payload type not in the m= line */
    SDPX_EV_RID_DUPLICATE = -107,       /* two a=rid lines of a section share an id */
    SDPX_EV_SSRC_GROUP_MEMBER = -108,   /* ssrc-group member without a=ssrc lines */
    SDPX_EV_EXTMAP_DUPLICATE = -109,    /* two extmap lines of a section share an id */
    SDPX_EV_NO_FINGERPRINT = -110,      /* DTLS section without a=fingerprint */
    SDPX_EV_NO_SETUP = -111,            /* DTLS section without a=setup */
    SDPX_EV_NO_ICE_UFRAG = -112,        /* ICE in use, section without a=ice-ufrag */
    SDPX_EV_NO_ICE_PWD = -113,          /* ICE in use, section without a=ice-pwd */
    SDPX_EV_ICE_UFRAG_LENGTH = -114,    /* ice-ufrag not 4-256 ice-chars */
    SDPX_EV_ICE_PWD_LENGTH = -115,      /* ice-pwd not 22-256 ice-chars */
    SDPX_EV_RTPMAP_DUPLICATE = -116,    /* two a=rtpmap lines of a section for one payload type */
    SDPX_EV_SSRC_GROUP_DUPLICATE = -117, /* an ssrc-group lists one SSRC twice */
    SDPX_EV_DIRECTION_DUPLICATE = -118, /* two direction attributes at one level */
    SDPX_EV_PT_NO_RTPMAP = -119,        /* a dynamic payload type (96-127) without a=rtpmap */
    SDPX_EV_FMTP_VALUE = -120,          /* a well-known fmtp parameter breaks its codec's RFC */
    /* JSON (section 9) */
    SDPX_EJSON = -250,       /* malformed JSON text */
    SDPX_EJSON_SHAPE = -251, /* JSON that does not fit sdp-transform's shape */
    /* JSEP signaling state (section 11): a step or a description refused */
    SDPX_EJSEP_STATE = -300,    /* the step is not allowed in the current signaling state */
    SDPX_EJSEP_SECTIONS = -301, /* answer's section count differs from the offer's, or a re-offer drops sections */
    SDPX_EJSEP_MID = -302,      /* a section's mid differs from the offer's (or the previous one's) */
    SDPX_EJSEP_KIND = -303,     /* a section's media kind differs from the offer's */
    SDPX_EJSEP_REJECTED = -304, /* an answer accepts a section the offer rejected (port 0) */
    SDPX_EJSEP_SETUP = -305,    /* an answer with a=setup:actpass */
    SDPX_EJSEP_BUNDLE = -306,   /* an answer bundles a mid the offer did not bundle */
    SDPX_EJSEP_ORIGIN = -307,   /* o= sess-id differs from the previous description of that side */
    SDPX_EJSEP_VERSION = -308,  /* content changed but o= sess-version did not increase */
    SDPX_EJSEP_NOORIGIN = -309, /* a description without a decodable o= line */
    /* warnings: tolerated quirks (lenient mode), reported as diagnostics */
    SDPX_W_LF = 1,             /* line ends with a bare LF instead of CRLF */
    SDPX_W_NO_FINAL_EOL = 2,   /* the last line has no line ending */
    SDPX_W_BLANK_LINE = 3,     /* an empty or whitespace-only line */
    SDPX_W_TRAILING_SPACE = 4, /* a line ends with spaces or tabs */
    SDPX_W_MISSING_ORIGIN = 5, /* no o= line */
    SDPX_W_MISSING_NAME = 6,   /* no s= line */
    SDPX_W_MISSING_TIMING = 7, /* no t= line */
    SDPX_W_ORDER = 8,          /* a line out of the RFC 8866 order */
    SDPX_W_UNKNOWN_TYPE = 9,   /* a line type RFC 8866 does not define */
    SDPX_W_ATTR_NAME = 10,     /* an attribute name outside the token grammar */
    SDPX_W_DUPLICATE = 11,     /* a line that should appear once appears again */
    SDPX_W_NO_FORMAT = 12,     /* an m= line without any format */
    SDPX_W_ATTR_VALUE = 13,    /* a known attribute whose value does not decode */
    SDPX_W_SCOPE = 14,         /* an attribute at a level it is not defined for */
    SDPX_W_FIELD = 15,         /* a malformed field the lenient parser keeps as text */
    /* grammar quirks of real endpoints (docs/grammar.md lists them with their profiles) */
    SDPX_W_ORIGIN_FIELDS = 16,     /* an o= line with fewer than six fields */
    SDPX_W_CONNECTION_FIELDS = 17, /* a c= line with fewer than three fields */
    SDPX_W_INDENT = 18,            /* a line indented by spaces or tabs */
    SDPX_W_UNTYPED_LINE = 19,      /* a line that is not <type>=<value>, kept as text */
    SDPX_W_NO_VERSION = 20,        /* the description does not start with a v= line */
    SDPX_W_VERSION_VALUE = 21,     /* the v= value is not 0 */
    SDPX_W_ZONE_ID = 22            /* an IPv6 address with a zone id (fe80::1%eth0) */
} sdpx_code;

/** The highest warning code (SDPX_W_LF is the lowest). */
#define SDPX_W_LAST SDPX_W_ZONE_ID

/** A short English description of a code ("number out of range"). */
const char *sdpx_strerror(int code);

/** The code's symbolic name ("SDPX_ERANGE"), or "SDPX_UNKNOWN_CODE". */
const char *sdpx_code_name(int code);

/**
 * Where and why something went wrong. `line` and `col` are 1-based (col
 * counts bytes); both are 0 when the problem has no position (out of
 * memory, a limit on the whole input). `msg` names the offending token, e.g.
 * `port "70000" out of range 0-65535`. For SDPX_ESCRATCH, `need` holds the
 * size of scratch memory that would have been enough.
 */
typedef struct sdpx_error {
    int code;
    unsigned line;
    unsigned col;
    size_t need;
    char msg[160];
} sdpx_error;

/** Severity of a diagnostic. */
typedef enum sdpx_severity {
    SDPX_SEV_WARNING = 1,
    SDPX_SEV_ERROR = 2
} sdpx_severity;

/**
 * Receives one diagnostic. `e` is only valid during the call. Warnings have
 * positive codes (SDPX_W_*), errors negative ones.
 */
typedef void (*sdpx_diag_fn)(void *ctx, sdpx_severity sev, const sdpx_error *e);

/* ===================================================================== */
/* 2. Tokenizer (no allocation, never writes, never reads past len)      */
/* ===================================================================== */

/** How a line ended in the input. */
typedef enum sdpx_eol {
    SDPX_EOL_NONE = 0, /* last line of the input, no ending */
    SDPX_EOL_LF = 1,
    SDPX_EOL_CRLF = 2
} sdpx_eol;

/** One line as the tokenizer sees it. */
typedef struct sdpx_token {
    char type;      /* 'a'..'z', or 0 for a blank (empty or whitespace-only) line */
    sdpx_str value; /* the bytes after "x=", up to the line ending */
    sdpx_str text;  /* the whole line without its ending */
    unsigned line;  /* 1-based line number */
    sdpx_eol eol;
} sdpx_token;

/** Tokenizer state. Initialise with sdpx_tokenizer_init; fields are private. */
typedef struct sdpx_tokenizer {
    const char *buf;
    size_t len;
    size_t pos;
    unsigned line;
} sdpx_tokenizer;

/** Start tokenizing `len` bytes at `buf` (no NUL terminator needed). */
void sdpx_tokenizer_init(sdpx_tokenizer *t, const char *buf, size_t len);

/**
 * Yield the next line. Returns 1 and fills *tok, 0 at the end of the input,
 * or a negative code and fills *err (if not NULL) with line, column and
 * reason: SDPX_ESYNTAX (no `=` after the type letter, a space before `=`,
 * a type that is not a lowercase letter), SDPX_ENUL, SDPX_ECR. After an
 * error the tokenizer has moved past the bad line, so a caller that wants
 * every problem (a linter) can keep calling.
 */
int sdpx_tokenizer_next(sdpx_tokenizer *t, sdpx_token *tok, sdpx_error *err);

/**
 * Split the next space-separated field off the front of *rest. Skips any
 * run of spaces before the field. Returns 1 and sets *field (and advances
 * *rest past it), or 0 when only spaces (or nothing) remain.
 */
int sdpx_field_next(sdpx_str *rest, sdpx_str *field);

/**
 * Split an attribute line value ("name:value" or "name") into its name and
 * value. *has_value is 1 when a ':' was present (the value may then be
 * empty, as in "a=x:"), 0 for a property attribute such as "rtcp-mux".
 */
void sdpx_attr_split(sdpx_str value, sdpx_str *name, sdpx_str *val, int *has_value);

/* ===================================================================== */
/* 3. Parsing                                                            */
/* ===================================================================== */

/** Parse flags. */
enum {
    /** Full RFC 8866 grammar: order, mandatory lines, field forms, and the
     *  value grammar of every known attribute. */
    SDPX_PARSE_STRICT = 1u << 0,
    /** Never call the allocator: use only the scratch memory given. */
    SDPX_PARSE_NO_HEAP = 1u << 1,
    /** Keep going after errors, reporting each through the diagnostics
     *  callback (the parse still fails with the first error). */
    SDPX_PARSE_ALL_ERRORS = 1u << 2
};

/**
 * Limits. A zero field means "use the default". Exceeding a limit fails the
 * parse with SDPX_ELIMIT and a message naming the limit.
 */
typedef struct sdpx_limits {
    size_t max_input;      /* bytes; default 16 MiB */
    size_t max_lines;      /* default 1,000,000 */
    size_t max_line_len;   /* bytes without the ending; default 64 KiB */
    size_t max_attributes; /* a= lines in the whole description; default 500,000 */
    size_t max_media;      /* m= sections; default 8192 */
} sdpx_limits;

#define SDPX_DEFAULT_MAX_INPUT ((size_t)16 << 20)
#define SDPX_DEFAULT_MAX_LINES ((size_t)1000000)
#define SDPX_DEFAULT_MAX_LINE_LEN ((size_t)65536)
#define SDPX_DEFAULT_MAX_ATTRIBUTES ((size_t)500000)
#define SDPX_DEFAULT_MAX_MEDIA ((size_t)8192)

/**
 * A memory allocator. `alloc` returns `size` bytes aligned for any type or
 * NULL; `release` gives back a block (with the size it was asked for).
 * Readers of one session running in parallel threads may call it at the
 * same time (the codec view's index, built on first use): it must be
 * thread-safe if you read from several threads.
 */
typedef struct sdpx_allocator {
    void *(*alloc)(void *ctx, size_t size);
    void (*release)(void *ctx, void *ptr, size_t size);
    void *ctx;
} sdpx_allocator;

/**
 * Quirk toggles. Each tolerated quirk has a warning code (SDPX_W_*) and a
 * bit, SDPX_QUIRK(code), in sdpx_parse_options.refuse: a set bit makes the
 * parse refuse that quirk with an error (the one strict mode gives) instead
 * of tolerating it with a warning. With no bit set, the parse tolerates
 * every quirk; SDPX_PARSE_STRICT refuses all of them but SDPX_W_LF (RFC
 * 8866 5: parsers SHOULD accept a bare LF) and SDPX_W_TRAILING_SPACE.
 */
#define SDPX_QUIRK(wcode) (1u << ((unsigned)(wcode) - 1u))

/** Every quirk bit. */
#define SDPX_QUIRK_ALL (SDPX_QUIRK(SDPX_W_LAST) | (SDPX_QUIRK(SDPX_W_LAST) - 1u))

/**
 * Named leniency profiles: each is a documented set of refused quirks
 * (docs/grammar.md has the table). LENIENT (the default) tolerates every
 * quirk; STRICT is SDPX_PARSE_STRICT (RFC 8866 and every attribute RFC);
 * BROWSER tolerates what JSEP implementations and applications munging
 * their output produce; SIP what old phones and gateways send; CAMERA what
 * IP cameras and RTSP servers send (the widest after LENIENT).
 */
typedef enum sdpx_profile {
    SDPX_PROFILE_LENIENT = 0,
    SDPX_PROFILE_STRICT = 1,
    SDPX_PROFILE_BROWSER = 2,
    SDPX_PROFILE_SIP = 3,
    SDPX_PROFILE_CAMERA = 4
} sdpx_profile;

/** The quirks profile `p` refuses (SDPX_QUIRK bits), or 0 for an unknown profile. */
uint32_t sdpx_profile_refuses(sdpx_profile p);

/** The profile's name ("strict", "browser", "sip", "camera", "lenient"), or NULL. */
const char *sdpx_profile_name(sdpx_profile p);

/**
 * Parse options. Zero-initialise and set what you need; a NULL options
 * pointer means all defaults (lenient, malloc/free, default limits).
 */
typedef struct sdpx_parse_options {
    unsigned flags;                  /* SDPX_PARSE_* */
    sdpx_limits limits;              /* zero fields take defaults */
    void *scratch;                   /* optional caller memory for the session */
    size_t scratch_size;             /* its size in bytes */
    const sdpx_allocator *allocator; /* NULL: malloc and free */
    sdpx_diag_fn diag;               /* optional: warnings (and errors with ALL_ERRORS) */
    void *diag_ctx;
    uint32_t refuse;                 /* SDPX_QUIRK bits: quirks to refuse (0: tolerate all) */
} sdpx_parse_options;

/**
 * Set opt->flags and opt->refuse for profile p: the STRICT profile adds
 * SDPX_PARSE_STRICT, the others clear it; other flags, limits, memory and
 * diagnostics stay. Bits may then be changed one by one. SDPX_EINVAL for an
 * unknown profile (opt unchanged).
 */
int sdpx_parse_options_profile(sdpx_parse_options *opt, sdpx_profile p);

typedef struct sdpx_session sdpx_session;
typedef struct sdpx_media sdpx_media;
typedef struct sdpx_line sdpx_line;

/**
 * Parse `len` bytes of SDP. On success returns 0 and sets *out to a new
 * session that owns a copy of the input (the caller may free `buf` at once).
 * On failure returns a negative code, sets *out to NULL and fills *err (if
 * not NULL). Memory: one allocation for a whole typical description, none
 * when `scratch` is large enough; with SDPX_PARSE_NO_HEAP and too little
 * scratch, fails with SDPX_ESCRATCH and err->need set.
 */
int sdpx_parse(const char *buf, size_t len, const sdpx_parse_options *opt,
               sdpx_session **out, sdpx_error *err);

/**
 * Lint: report every problem in `buf` through `fn` (errors and, in lenient
 * mode, the warnings for tolerated quirks). `flags` takes SDPX_PARSE_STRICT
 * (any other bit: SDPX_EINVAL): the strict grammar, then the semantic pass
 * of sdpx_validate on a lenient parse (its SDPX_EV_* errors). This is the
 * one strict check: `sdpx check --strict` and Python's
 * `sdpx.check(text, strict=True)` run exactly this. Returns the number of
 * errors found (0 when the input parses), or SDPX_ENOMEM.
 */
int sdpx_check(const char *buf, size_t len, unsigned flags, sdpx_diag_fn fn, void *ctx);

/**
 * sdpx_check under the given limits (NULL, or a zero field, takes the
 * default), for both of its parses: the input limit of a front end that
 * accepts more than 16 MiB (`sdpx --max-input`), or less.
 */
int sdpx_check_limits(const char *buf, size_t len, unsigned flags, const sdpx_limits *lim,
                      sdpx_diag_fn fn, void *ctx);

/** Free a session and everything it owns. NULL is allowed. */
void sdpx_session_free(sdpx_session *s);

/* ===================================================================== */
/* 4. Model                                                              */
/* ===================================================================== */

/*
 * A session is the list of its session-level lines (v= up to the first m=)
 * and its media sections, each the list of its lines starting with m=.
 * Every line keeps its original text; typed views come from the decoders in
 * sections 5 and 6.
 *
 * Line handles (const sdpx_line *) and edits:
 * - sdpx_attr_replace (and _typed) changes a line in place: its handle and
 *   every other one stay valid, so a find loop can replace each match in one
 *   pass (README, "Munging").
 * - Any other edit that changes a section's lines (an insert before its
 *   last line, a remove, a helper of section 7) moves them to a new array:
 *   handles into the old one are stale. An edit given a stale handle
 *   returns SDPX_ESTALE and changes nothing; readers given one answer as for
 *   an absent line (empty views, type 0, SDPX_ATTR_NONE); as `after` of a
 *   find function it ends the search. Look lines up again after such an
 *   edit. An append to a section with room (sdpx_media_attr_add) keeps them.
 * - Such an edit may also compact the session (section 7,
 *   sdpx_session_compact), which frees the old arrays: after that, handles
 *   kept from before it, stale or not, must not be used at all.
 * Views (sdpx_str) from a line follow its handle's rules: a replaced,
 * removed or compacted line's views must not be read after the edit.
 * sdpx_media handles stay valid for the session's life; a removed section's
 * handle is stale (edits SDPX_ESTALE, readers empty).
 */

/** Number of session-level lines, blank lines included. */
size_t sdpx_session_line_count(const sdpx_session *s);

/** The i-th session-level line, or NULL when i is out of range. */
const sdpx_line *sdpx_session_line(const sdpx_session *s, size_t i);

/** Number of media sections. */
size_t sdpx_session_media_count(const sdpx_session *s);

/** The i-th media section, read-only, or NULL when i is out of range. */
const sdpx_media *sdpx_session_media(const sdpx_session *s, size_t i);

/** The i-th media section of a mutable session, for edits, or NULL when i is out of range. */
sdpx_media *sdpx_session_media_mut(sdpx_session *s, size_t i);

/** Number of lines in a media section, its m= line (index 0) included (0 once removed). */
size_t sdpx_media_line_count(const sdpx_media *m);

/** The i-th line of a media section, or NULL when i is out of range. */
const sdpx_line *sdpx_media_line(const sdpx_media *m, size_t i);

/** The media section's 0-based position in its session (SIZE_MAX once removed). */
size_t sdpx_media_index(const sdpx_media *m);

/** The session a media section belongs to, read-only. */
const sdpx_session *sdpx_media_session(const sdpx_media *m);

/** The session a mutable media section belongs to, for edits. */
sdpx_session *sdpx_media_session_mut(sdpx_media *m);

/** A line's type letter ('v', 'o', 'a', ...), or 0 for a blank line or one
 *  the lenient parse kept as text (SDPX_W_UNTYPED_LINE). */
char sdpx_line_type(const sdpx_line *l);

/** The whole line as written (an indented line with its indentation),
 *  without its line ending. */
sdpx_str sdpx_line_text(const sdpx_line *l);

/** The part after "x=" (empty for a blank line). */
sdpx_str sdpx_line_value(const sdpx_line *l);

/** 1-based line number in the parsed input; 0 for a line added by an edit. */
unsigned sdpx_line_number(const sdpx_line *l);

/** How the line ended in the input. */
sdpx_eol sdpx_line_eol(const sdpx_line *l);

/**
 * Attribute kinds, classified from the name at parse time. Numbers are
 * stable; new kinds are added at the end. SDPX_ATTR_NONE is the kind of
 * every line that is not an a= line; SDPX_ATTR_OTHER of unknown attributes.
 */
typedef enum sdpx_attr_kind {
    SDPX_ATTR_NONE = 0,
    SDPX_ATTR_OTHER,
    /* ICE, RFC 8839 */
    SDPX_ATTR_CANDIDATE,
    SDPX_ATTR_ICE_UFRAG,
    SDPX_ATTR_ICE_PWD,
    SDPX_ATTR_ICE_OPTIONS,
    SDPX_ATTR_ICE_LITE,
    SDPX_ATTR_ICE_MISMATCH,
    SDPX_ATTR_END_OF_CANDIDATES,
    SDPX_ATTR_REMOTE_CANDIDATES,
    SDPX_ATTR_ICE_PACING,
    /* DTLS, RFC 8122 / 8842 */
    SDPX_ATTR_FINGERPRINT,
    SDPX_ATTR_SETUP,
    SDPX_ATTR_TLS_ID,
    /* RTP, RFC 8866 / 4585 / 8285 / 3605 / 5761 / 5506 */
    SDPX_ATTR_RTPMAP,
    SDPX_ATTR_FMTP,
    SDPX_ATTR_RTCP_FB,
    SDPX_ATTR_EXTMAP,
    SDPX_ATTR_EXTMAP_ALLOW_MIXED,
    SDPX_ATTR_RTCP,
    SDPX_ATTR_RTCP_MUX,
    SDPX_ATTR_RTCP_MUX_ONLY,
    SDPX_ATTR_RTCP_RSIZE,
    SDPX_ATTR_SENDRECV,
    SDPX_ATTR_SENDONLY,
    SDPX_ATTR_RECVONLY,
    SDPX_ATTR_INACTIVE,
    SDPX_ATTR_PTIME,
    SDPX_ATTR_MAXPTIME,
    SDPX_ATTR_FRAMERATE,
    SDPX_ATTR_QUALITY,
    /* streams, RFC 5576 / 8830 */
    SDPX_ATTR_SSRC,
    SDPX_ATTR_SSRC_GROUP,
    SDPX_ATTR_MSID,
    SDPX_ATTR_MSID_SEMANTIC,
    /* BUNDLE and grouping, RFC 8843 / 5888 */
    SDPX_ATTR_GROUP,
    SDPX_ATTR_MID,
    SDPX_ATTR_BUNDLE_ONLY,
    /* simulcast, RFC 8851 / 8853 */
    SDPX_ATTR_RID,
    SDPX_ATTR_SIMULCAST,
    /* data channels, RFC 8841 */
    SDPX_ATTR_SCTP_PORT,
    SDPX_ATTR_MAX_MESSAGE_SIZE,
    SDPX_ATTR_SCTPMAP,
    /* SDES, RFC 4568 */
    SDPX_ATTR_CRYPTO,
    /* other RFC 8866 attributes */
    SDPX_ATTR_CAT,
    SDPX_ATTR_KEYWDS,
    SDPX_ATTR_TOOL,
    SDPX_ATTR_ORIENT,
    SDPX_ATTR_TYPE,
    SDPX_ATTR_CHARSET,
    SDPX_ATTR_SDPLANG,
    SDPX_ATTR_LANG,
    /* widely used elsewhere */
    SDPX_ATTR_LABEL,       /* RFC 4574 */
    SDPX_ATTR_CONTENT,     /* RFC 4796 */
    SDPX_ATTR_IMAGEATTR,   /* RFC 6236 */
    SDPX_ATTR_CONTROL,     /* RTSP, RFC 7826 */
    SDPX_ATTR_RANGE,       /* RTSP, RFC 7826 */
    SDPX_ATTR_IDENTITY,    /* WebRTC identity assertion, RFC 8827 */
    SDPX_ATTR_KIND_COUNT   /* number of kinds; not a kind */
} sdpx_attr_kind;

/** The kind of a line: its attribute kind for a= lines, else SDPX_ATTR_NONE. */
sdpx_attr_kind sdpx_line_kind(const sdpx_line *l);

/** The attribute kind for a name ("rtpmap" -> SDPX_ATTR_RTPMAP), SDPX_ATTR_OTHER if unknown. */
sdpx_attr_kind sdpx_attr_kind_from_name(sdpx_str name);

/** The canonical name of a kind ("rtpmap"), or NULL for NONE, OTHER and out-of-range values. */
const char *sdpx_attr_kind_name(sdpx_attr_kind kind);

/** For an a= line: its name ("rtpmap"); an empty view for other lines. */
sdpx_str sdpx_attr_name(const sdpx_line *l);

/** For an a= line: 1 when it has a value part (a ':' after the name), else 0. */
int sdpx_attr_has_value(const sdpx_line *l);

/** For an a= line: the value after ':' (empty when absent or empty). */
sdpx_str sdpx_attr_value(const sdpx_line *l);

/**
 * Find the next session-level line of type `type` ('c', 'b', 'a', ...)
 * after `after` (NULL: from the start). Returns NULL when there is none.
 */
const sdpx_line *sdpx_session_find_line(const sdpx_session *s, char type, const sdpx_line *after);

/** Same as sdpx_session_find_line within a media section (its m= line included). */
const sdpx_line *sdpx_media_find_line(const sdpx_media *m, char type, const sdpx_line *after);

/** Next session-level attribute of `kind` after `after` (NULL: first), or NULL. */
const sdpx_line *sdpx_session_find_attr(const sdpx_session *s, sdpx_attr_kind kind, const sdpx_line *after);

/** Next media-level attribute of `kind` after `after` (NULL: first), or NULL. */
const sdpx_line *sdpx_media_find_attr(const sdpx_media *m, sdpx_attr_kind kind, const sdpx_line *after);

/** Next session-level attribute named `name` (exact, case-sensitive) after `after`, or NULL. */
const sdpx_line *sdpx_session_find_attr_name(const sdpx_session *s, const char *name, const sdpx_line *after);

/** Next media-level attribute named `name` (exact, case-sensitive) after `after`, or NULL. */
const sdpx_line *sdpx_media_find_attr_name(const sdpx_media *m, const char *name, const sdpx_line *after);

/**
 * Check an a= line's value against its kind's grammar (the same check strict
 * parsing makes): property attributes such as a=rtcp-mux take no value, the
 * others need one that their typed decoder accepts. Unknown attributes pass.
 * Returns 0 or SDPX_EVALUE with err (if not NULL) pointing at the offending
 * byte (line and column relative to the parsed input).
 */
int sdpx_attr_validate(const sdpx_line *l, sdpx_error *err);

/**
 * Semantic validation: report through `fn` (may be NULL) every cross-line
 * inconsistency no single line's grammar shows, each as an error with its
 * own SDPX_EV_* code, the line and the column of the offending token:
 * rtpmap/fmtp/rtcp-fb payload types missing from the m= line, fmtp apt=
 * naming no offered type, a=group mids no section has, duplicate mids,
 * simulcast rids without a matching a=rid (or of the other direction), rid
 * pt= types not offered, duplicate rids, ssrc-group members without a=ssrc,
 * extmap ids used twice, DTLS sections (UDP/TLS/..., UDP/DTLS/...,
 * TCP/DTLS/...) without fingerprint or setup, and, when ICE is used,
 * sections without ice-ufrag/ice-pwd or with values outside RFC 8839's
 * 4-256 / 22-256 ice-chars. Bundled sections may take transport parameters
 * from their BUNDLE-tagged section; port-0 sections need none. Returns the
 * number of findings, or SDPX_ENOMEM.
 */
int sdpx_validate(const sdpx_session *s, sdpx_diag_fn fn, void *ctx);

/* ===================================================================== */
/* 5. Core lines: typed decoders for RFC 8866 line values                */
/* ===================================================================== */

/*
 * Each decoder takes a line value (the part after "x=") and fills a struct
 * of views into it. They allocate nothing and return 0, or SDPX_EFIELD /
 * SDPX_ERANGE / SDPX_EVALUE on malformed input. Numbers keep their text;
 * typed numbers are filled when they fit.
 */

/** o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address> (RFC 8866 5.2) */
typedef struct sdpx_origin {
    sdpx_str username;
    sdpx_str sess_id;      /* digits as written; sdpx_str_u64 for a checked value */
    sdpx_str sess_version; /* digits as written */
    sdpx_str nettype;
    sdpx_str addrtype;
    sdpx_str address;
} sdpx_origin;

/** Decode an o= value. Fails with SDPX_EFIELD when fewer than six fields are present. */
int sdpx_origin_parse(sdpx_str value, sdpx_origin *out);

/** Decode the session's o= line. SDPX_ENOTFOUND when there is none. */
int sdpx_session_origin(const sdpx_session *s, sdpx_origin *out);

/** The session's s= value. SDPX_ENOTFOUND when there is none. */
int sdpx_session_name(const sdpx_session *s, sdpx_str *out);

/** c=<nettype> <addrtype> <connection-address> (RFC 8866 5.7) */
typedef struct sdpx_connection {
    sdpx_str nettype;
    sdpx_str addrtype;
    sdpx_str address;     /* the address alone, without /ttl or /count */
    unsigned ttl;         /* IP4 multicast TTL, 0 when absent */
    unsigned count;       /* number of addresses, 1 when absent */
    int has_ttl;
    int has_count;
} sdpx_connection;

/** Decode a c= value. */
int sdpx_connection_parse(sdpx_str value, sdpx_connection *out);

/**
 * The c= that applies to media section m: its own first c= line, else the
 * session's (RFC 8866 5.7). SDPX_ENOTFOUND when neither exists.
 */
int sdpx_media_connection(const sdpx_media *m, sdpx_connection *out);

/** b=<bwtype>:<bandwidth> (RFC 8866 5.8) */
typedef struct sdpx_bandwidth {
    sdpx_str type;   /* "AS", "CT", "TIAS", ... */
    sdpx_str value;  /* digits as written */
    uint64_t number; /* the value */
} sdpx_bandwidth;

/** Decode a b= value. */
int sdpx_bandwidth_parse(sdpx_str value, sdpx_bandwidth *out);

/** t=<start-time> <stop-time> (RFC 8866 5.9) */
typedef struct sdpx_timing {
    sdpx_str start;
    sdpx_str stop;
    uint64_t start_time; /* NTP seconds */
    uint64_t stop_time;
} sdpx_timing;

/** Decode a t= value. */
int sdpx_timing_parse(sdpx_str value, sdpx_timing *out);

/**
 * Decode a typed time: digits with an optional unit d, h, m or s
 * (RFC 8866 5.10), possibly negative (in z= offsets). Sets *seconds.
 */
int sdpx_typed_time_parse(sdpx_str text, int64_t *seconds);

/** r=<repeat interval> <active duration> <offsets from start-time> (RFC 8866 5.10) */
typedef struct sdpx_repeat {
    int64_t interval;  /* seconds */
    int64_t duration;  /* seconds */
    sdpx_str offsets;  /* the offsets, split with sdpx_field_next and sdpx_typed_time_parse */
} sdpx_repeat;

/** Decode an r= value (at least one offset is required). */
int sdpx_repeat_parse(sdpx_str value, sdpx_repeat *out);

/**
 * Iterate the adjustments of a z= value (RFC 8866 5.11): each call takes one
 * "<adjustment time> <offset>" pair off the front of *rest. Returns 1 with
 * the pair filled, 0 when *rest is exhausted, or a negative code.
 */
int sdpx_zone_next(sdpx_str *rest, uint64_t *time, int64_t *offset);

/** k=<method>[:<encryption key>] (RFC 8866 5.12, obsolete but kept) */
typedef struct sdpx_key {
    sdpx_str method;
    sdpx_str key;
    int has_key;
} sdpx_key;

/** Decode a k= value. */
int sdpx_key_parse(sdpx_str value, sdpx_key *out);

/** m=<media> <port>[/<number of ports>] <proto> <fmt> ... (RFC 8866 5.14) */
typedef struct sdpx_mline {
    sdpx_str media;    /* "audio", "video", "application", ... */
    sdpx_str port_text;  /* the port digits as written */
    uint16_t port;
    unsigned port_count; /* 1 when absent */
    int has_port_count;
    sdpx_str proto;    /* "UDP/TLS/RTP/SAVPF", ... */
    sdpx_str formats;  /* the format list; split with sdpx_field_next */
} sdpx_mline;

/** Decode an m= value. Fails when the port is not a number in 0..65535 or a field is missing. */
int sdpx_mline_parse(sdpx_str value, sdpx_mline *out);

/** Decode a media section's m= line. */
int sdpx_media_mline(const sdpx_media *m, sdpx_mline *out);

/* ===================================================================== */
/* 6. Typed attributes                                                   */
/* ===================================================================== */

/*
 * Decoders take an attribute value (the part after "a=name:", see
 * sdpx_attr_value) and fill a struct whose strings are views into that
 * value; variable-length parts are walked with *_next iterators (1: one
 * more item, 0: done, negative: malformed). They allocate nothing and return
 * 0 or SDPX_EVALUE. Encoders write a struct back snprintf style: at most
 * `cap` bytes including a NUL when there is room, returning the length of
 * the whole value; or SDPX_EINVAL, leaving an empty string, when a field
 * holds what the decoder would not read back the same way (CR, LF or NUL, a
 * space inside a token, a number out of range). encode(decode(v)) == v for
 * values in canonical form (single spaces, no trailing space).
 */

/* ---- ICE (RFC 8839, RFC 8445, RFC 6544) ------------------------------ */

/** What a connection address is (RFC 8866 9: IP4-address / IP6-address / FQDN). */
typedef enum sdpx_addr_family {
    SDPX_ADDR_IP4 = 1,
    SDPX_ADDR_IP6 = 2,
    SDPX_ADDR_FQDN = 3,
    SDPX_ADDR_MDNS = 4 /* an FQDN ending in ".local": an mDNS-obscured host candidate */
} sdpx_addr_family;

/**
 * Classify an address: dotted-quad IPv4 (octets 0-255), IPv6 text form
 * (RFC 4291 2.2, no brackets, no zone), or an FQDN of letters, digits, '-'
 * and '.'. Returns the family (> 0) or SDPX_EVALUE.
 */
int sdpx_address_family(sdpx_str addr);

/** Candidate types (RFC 8839 5.1 candidate-types). */
typedef enum sdpx_cand_type {
    SDPX_CAND_OTHER = 0, /* an extension token: see type_name */
    SDPX_CAND_HOST,
    SDPX_CAND_SRFLX,
    SDPX_CAND_PRFLX,
    SDPX_CAND_RELAY
} sdpx_cand_type;

/** TCP candidate types (RFC 6544 4.5); NONE when the candidate has no tcptype. */
typedef enum sdpx_tcptype {
    SDPX_TCPTYPE_NONE = 0,
    SDPX_TCPTYPE_ACTIVE,
    SDPX_TCPTYPE_PASSIVE,
    SDPX_TCPTYPE_SO
} sdpx_tcptype;

/**
 * a=candidate (RFC 8839 5.1): <foundation> <component-id> <transport>
 * <priority> <connection-address> <port> typ <cand-type> [raddr <addr>]
 * [rport <port>] *(<ext-name> <ext-value>).
 */
typedef struct sdpx_candidate {
    sdpx_str foundation;     /* 1-32 ice-chars */
    uint32_t component;      /* 1-256 */
    sdpx_str transport;      /* "UDP", "tcp", ... as written (compare with sdpx_str_ieq) */
    uint32_t priority;       /* 32-bit priority */
    sdpx_str address;        /* connection address */
    sdpx_addr_family family; /* of address */
    uint16_t port;
    sdpx_cand_type type;
    sdpx_str type_name;      /* "host", ... as written */
    sdpx_str raddr;          /* related address; empty when absent */
    int has_raddr;
    uint16_t rport;          /* related port */
    int has_rport;
    sdpx_tcptype tcptype;    /* from the tcptype extension, if any */
    sdpx_str extensions;     /* every extension pair in order, tcptype included,
                                as written; walk with sdpx_candidate_ext_next */
} sdpx_candidate;

/** sdpx_candidate_parse's answer for an empty candidate (end of candidates). */
#define SDPX_CANDIDATE_END 1

/**
 * Parse one candidate from `n` bytes at `p`: an a=candidate value, or the
 * string a browser sends in trickle ICE, with or without "a=" and
 * "candidate:" prefixes and a trailing CR/LF. Fills *out with views into p
 * and returns 0; returns SDPX_CANDIDATE_END for an empty string (or
 * "a=end-of-candidates"), SDPX_EVALUE when malformed. Allocates nothing.
 */
int sdpx_candidate_parse(const char *p, size_t n, sdpx_candidate *out);

/**
 * Same as sdpx_candidate_parse, and on failure fills *err (if not NULL):
 * line 1, col the 1-based byte column of the offending token within p, and
 * a message naming it (`candidate has no "typ"`).
 */
int sdpx_candidate_parse_err(const char *p, size_t n, sdpx_candidate *out, sdpx_error *err);

/**
 * Write a candidate as an a=candidate value (without "candidate:"), snprintf
 * style. A tcptype set in the struct but absent from `extensions` is written
 * after rport. SDPX_EINVAL for an empty foundation, transport or address, an
 * SDPX_CAND_OTHER type without type_name, or CR, LF or NUL in a view.
 */
int sdpx_candidate_write(const sdpx_candidate *c, char *buf, size_t cap);

/**
 * Take the next extension pair off *rest (start from c->extensions). Returns
 * 1 with *name and *value (possibly empty) set, 0 when none remain.
 */
int sdpx_candidate_ext_next(sdpx_str *rest, sdpx_str *name, sdpx_str *value);

/** The value of the first extension called `name`. 0, or SDPX_ENOTFOUND. */
int sdpx_candidate_ext(const sdpx_candidate *c, const char *name, sdpx_str *value);

/** The generation extension as a number. 0, SDPX_ENOTFOUND, or SDPX_EVALUE. */
int sdpx_candidate_generation(const sdpx_candidate *c, uint32_t *out);

/** The network-id extension as a number. 0, SDPX_ENOTFOUND, or SDPX_EVALUE. */
int sdpx_candidate_network_id(const sdpx_candidate *c, uint32_t *out);

/** The network-cost extension as a number. 0, SDPX_ENOTFOUND, or SDPX_EVALUE. */
int sdpx_candidate_network_cost(const sdpx_candidate *c, uint32_t *out);

/** The ufrag extension (the ICE ufrag the candidate belongs to). 0 or SDPX_ENOTFOUND. */
int sdpx_candidate_ufrag(const sdpx_candidate *c, sdpx_str *out);

/** "host", "srflx", "prflx", "relay", or NULL for SDPX_CAND_OTHER. */
const char *sdpx_cand_type_name(sdpx_cand_type t);

/** "active", "passive", "so", or NULL for SDPX_TCPTYPE_NONE. */
const char *sdpx_tcptype_name(sdpx_tcptype t);

/** Decode an a=ice-ufrag value: 4-256 ice-chars (RFC 8839 5.4). Sets *out to the value. */
int sdpx_ice_ufrag_parse(sdpx_str value, sdpx_str *out);

/** Decode an a=ice-pwd value: 22-256 ice-chars (RFC 8839 5.4). Sets *out to the value. */
int sdpx_ice_pwd_parse(sdpx_str value, sdpx_str *out);

/**
 * Take the next option tag off an a=ice-options value (RFC 8839 5.6: tags
 * separated by spaces; tokens are accepted, as in Chrome's "google-ice").
 * 1 with *tag set, 0 at the end, or SDPX_EVALUE for a tag that is no token.
 */
int sdpx_ice_options_next(sdpx_str *rest, sdpx_str *tag);

/** 1 when an a=ice-options value lists `tag` ("trickle", "ice2", ...), else 0. */
int sdpx_ice_options_has(sdpx_str value, const char *tag);

/** One entry of a=remote-candidates (RFC 8839 5.2): <component-id> <address> <port>. */
typedef struct sdpx_remote_candidate {
    uint32_t component;
    sdpx_str address;
    sdpx_addr_family family;
    uint16_t port;
} sdpx_remote_candidate;

/**
 * Take the next entry off an a=remote-candidates value. 1 with *out filled,
 * 0 at the end, SDPX_EVALUE when the next three fields are malformed.
 */
int sdpx_remote_candidate_next(sdpx_str *rest, sdpx_remote_candidate *out);

/** Write one remote-candidates entry ("1 192.0.2.1 5000"), snprintf style. */
int sdpx_remote_candidate_write(const sdpx_remote_candidate *rc, char *buf, size_t cap);

/** Decode an a=ice-pacing value (RFC 8839 5.7): milliseconds, 1-10 digits. */
int sdpx_ice_pacing_parse(sdpx_str value, uint32_t *ms);

/* ---- DTLS (RFC 8122, RFC 8842, RFC 4145) ----------------------------- */

/** Hash functions of a=fingerprint (RFC 8122 5, the IANA "Hash Function Textual Names"). */
typedef enum sdpx_hash {
    SDPX_HASH_OTHER = 0, /* a hash-func token not listed here */
    SDPX_HASH_MD2,
    SDPX_HASH_MD5,
    SDPX_HASH_SHA1,
    SDPX_HASH_SHA224,
    SDPX_HASH_SHA256,
    SDPX_HASH_SHA384,
    SDPX_HASH_SHA512
} sdpx_hash;

#define SDPX_FINGERPRINT_MAX 64 /* bytes, the longest digest (sha-512) */

/** a=fingerprint:<hash-func> <fingerprint> (RFC 8122 5). */
typedef struct sdpx_fingerprint {
    sdpx_str hash_name;                   /* as written, e.g. "sha-256" */
    sdpx_hash hash;
    sdpx_str hex;                         /* "AB:CD:..." as written */
    uint8_t bytes[SDPX_FINGERPRINT_MAX];  /* decoded digest */
    size_t len;                           /* bytes used */
} sdpx_fingerprint;

/**
 * Decode an a=fingerprint value. Hex pairs separated by ':' (either case);
 * the byte count must match the hash (md2/md5 16, sha-1 20, sha-224 28,
 * sha-256 32, sha-384 48, sha-512 64). Hash names compare case-insensitively.
 */
int sdpx_fingerprint_parse(sdpx_str value, sdpx_fingerprint *out);

/** Write hash_name (or the hash's name) and the bytes as uppercase hex pairs, snprintf style. */
int sdpx_fingerprint_write(const sdpx_fingerprint *f, char *buf, size_t cap);

/** "sha-256", ... for a hash, or NULL for SDPX_HASH_OTHER. */
const char *sdpx_hash_name(sdpx_hash h);

/** Digest length in bytes for a hash, 0 for SDPX_HASH_OTHER. */
size_t sdpx_hash_len(sdpx_hash h);

/** a=setup roles (RFC 4145 4, RFC 8842 5.1). */
typedef enum sdpx_setup {
    SDPX_SETUP_ACTIVE = 1,
    SDPX_SETUP_PASSIVE,
    SDPX_SETUP_ACTPASS,
    SDPX_SETUP_HOLDCONN
} sdpx_setup;

/** Decode an a=setup value (exact lowercase role names). */
int sdpx_setup_parse(sdpx_str value, sdpx_setup *out);

/** The role's name ("actpass"), its encoding; NULL for values outside the enum. */
const char *sdpx_setup_name(sdpx_setup s);

/** Decode an a=tls-id value: 20-255 of ALPHA DIGIT + / - _ (RFC 8842 4). Sets *out. */
int sdpx_tls_id_parse(sdpx_str value, sdpx_str *out);

/* ---- SDES (RFC 4568) ------------------------------------------------- */

/** a=crypto:<tag> <crypto-suite> <key-params> [<session-params>] (RFC 4568 9.1). */
typedef struct sdpx_crypto {
    uint32_t tag;             /* 1-9 digits */
    sdpx_str suite;           /* "AES_CM_128_HMAC_SHA1_80", ... */
    sdpx_str key_params;      /* "inline:...;inline:..."; walk with sdpx_crypto_key_next */
    sdpx_str session_params;  /* the rest, possibly empty; split with sdpx_field_next */
} sdpx_crypto;

/** One key-param: <key-method>:<key-info>; for "inline" (RFC 4568 6.1) the info's parts. */
typedef struct sdpx_crypto_key {
    sdpx_str method;    /* "inline" */
    sdpx_str info;      /* everything after ':' */
    sdpx_str key_salt;  /* base64 key||salt (inline only) */
    sdpx_str lifetime;  /* "2^20" or digits; empty when absent */
    sdpx_str mki;       /* "1:4" (MKI value:length); empty when absent */
} sdpx_crypto_key;

/** Decode an a=crypto value. */
int sdpx_crypto_parse(sdpx_str value, sdpx_crypto *out);

/** Take the next key-param off *rest (start from key_params). 1, 0 at the end, or SDPX_EVALUE. */
int sdpx_crypto_key_next(sdpx_str *rest, sdpx_crypto_key *out);

/** Write "tag suite key-params[ session-params]", snprintf style. */
int sdpx_crypto_write(const sdpx_crypto *c, char *buf, size_t cap);

/* ---- SCTP data channels (RFC 8841) ----------------------------------- */

/** Decode an a=sctp-port value (RFC 8841 5.1): a port 0-65535. */
int sdpx_sctp_port_parse(sdpx_str value, uint16_t *port);

/** Decode an a=max-message-size value (RFC 8841 6.1): bytes, 0 meaning no limit. */
int sdpx_max_message_size_parse(sdpx_str value, uint64_t *size);

/** Legacy a=sctpmap:<port> <protocol> [<streams>] (draft-ietf-mmusic-sctp-sdp-05). */
typedef struct sdpx_sctpmap {
    uint16_t port;
    sdpx_str protocol; /* "webrtc-datachannel" */
    uint32_t streams;  /* 0 when absent */
    int has_streams;
} sdpx_sctpmap;

/** Decode an a=sctpmap value. */
int sdpx_sctpmap_parse(sdpx_str value, sdpx_sctpmap *out);

/** Write an a=sctpmap value, snprintf style. */
int sdpx_sctpmap_write(const sdpx_sctpmap *m, char *buf, size_t cap);

/* ---- BUNDLE and media identity (RFC 5888, RFC 8843) ------------------ */

/** a=group:<semantics> *(SP <identification-tag>) (RFC 5888 5). */
typedef struct sdpx_group {
    sdpx_str semantics; /* "BUNDLE", "LS", "FID", ... */
    sdpx_str ids;       /* the mids; walk with sdpx_group_id_next */
} sdpx_group;

/** Decode an a=group value; the semantics and every id must be tokens. */
int sdpx_group_parse(sdpx_str value, sdpx_group *out);

/** Take the next mid off *rest (start from ids). 1 with *id set, 0 at the end. */
int sdpx_group_id_next(sdpx_str *rest, sdpx_str *id);

/** 1 when the group lists `mid`, else 0. */
int sdpx_group_has(const sdpx_group *g, sdpx_str mid);

/** Write "semantics id id ...", snprintf style. */
int sdpx_group_write(const sdpx_group *g, char *buf, size_t cap);

/** Decode an a=mid value: a token (RFC 5888 4, RFC 8843 16.2 limits it to 1-16 bytes in BUNDLE). */
int sdpx_mid_parse(sdpx_str value, sdpx_str *out);

/* ---- Scoped accessors: media level, else session level ---------------- */

/** The ICE ufrag for m: its a=ice-ufrag, else the session's (RFC 8839 5.4). 0 or SDPX_ENOTFOUND. */
int sdpx_media_ice_ufrag(const sdpx_media *m, sdpx_str *out);

/** The ICE password for m, with the same fallback. 0 or SDPX_ENOTFOUND. */
int sdpx_media_ice_pwd(const sdpx_media *m, sdpx_str *out);

/** The a=ice-options value for m (walk it with sdpx_ice_options_next), with fallback. */
int sdpx_media_ice_options(const sdpx_media *m, sdpx_str *out);

/** 1 when the session has a=ice-lite (RFC 8839 5.3), else 0. */
int sdpx_session_ice_lite(const sdpx_session *s);

/**
 * The i-th fingerprint that applies to m: the media level's when it has any,
 * else the session level's (RFC 8122 5). 0, SDPX_ENOTFOUND past the last, or
 * the decoder's error for a malformed line. Each call walks the lines up to
 * the i-th: to visit them all, walk the lines (sdpx_media_find_attr, else
 * sdpx_session_find_attr) as `sdpx show` does.
 */
int sdpx_media_fingerprint(const sdpx_media *m, size_t i, sdpx_fingerprint *out);

/** The DTLS role for m: its a=setup, else the session's (RFC 8842 5.1). 0 or SDPX_ENOTFOUND. */
int sdpx_media_setup(const sdpx_media *m, sdpx_setup *out);

/** The media section's a=mid value. 0 or SDPX_ENOTFOUND. */
int sdpx_media_mid(const sdpx_media *m, sdpx_str *out);

/** The media section whose a=mid is `mid`, read-only, or NULL. */
const sdpx_media *sdpx_session_media_by_mid(const sdpx_session *s, sdpx_str mid);

/** The media section of a mutable session whose a=mid is `mid`, for edits, or NULL. */
sdpx_media *sdpx_session_media_by_mid_mut(sdpx_session *s, sdpx_str mid);

/**
 * The session's a=group that lists `mid`, with semantics `semantics`
 * ("BUNDLE"; NULL for any). 0 with *out filled, or SDPX_ENOTFOUND.
 */
int sdpx_session_group_of(const sdpx_session *s, const char *semantics, sdpx_str mid,
                          sdpx_group *out);

/* ---- Trickle ICE fragments (RFC 8840) --------------------------------- */

/*
 * An application/trickle-ice-sdpfrag body is held in a session: its
 * session-level lines are ice-ufrag, ice-pwd, ice-options (no v=, o=, s=, t=
 * lines), and each m= line starts a media section carrying a=mid, candidates
 * and end-of-candidates. Read it with the model functions above, write it
 * with sdpx_write, free it with sdpx_session_free. Applying one to a session
 * is an edit: sdpx_session_apply_fragment, section 7.6.
 */

/**
 * Parse a trickle ICE fragment. Same options, memory and error rules as
 * sdpx_parse; the fragment need not start with v=0 and has no mandatory
 * lines. With SDPX_PARSE_STRICT, attribute values are checked.
 */
int sdpx_fragment_parse(const char *buf, size_t len, const sdpx_parse_options *opt,
                        sdpx_session **out, sdpx_error *err);

/** One media section of a fragment to write. */
typedef struct sdpx_fragment_section {
    sdpx_str mline; /* the m= value to write; empty: "audio 9 RTP/AVP 0" */
    sdpx_str mid;
    const sdpx_candidate *candidates;
    size_t ncandidates;
    int end_of_candidates;
} sdpx_fragment_section;

/**
 * Write a trickle ICE fragment: a=ice-ufrag and a=ice-pwd (when not empty),
 * then per section its m= line, a=mid, its candidates (a=candidate) and
 * a=end-of-candidates when asked, CRLF endings, snprintf style.
 */
int sdpx_fragment_write(sdpx_str ufrag, sdpx_str pwd, const sdpx_fragment_section *sec,
                        size_t nsec, char *buf, size_t cap);

/* ---- RTP: rtpmap, fmtp, rtcp-fb, extmap, rtcp, direction, ptime (RFC 8866, 4585, 8285, 3605) */

/* Decoders and encoders follow the rules at the top of section 6. */

/** a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>] (RFC 8866 6.6) */
typedef struct sdpx_rtpmap {
    unsigned payload_type; /* 0-127 */
    sdpx_str encoding;     /* "opus", as written (compare with sdpx_str_ieq) */
    uint32_t clock_rate;   /* Hz */
    unsigned channels;     /* the encoding parameters (audio channels); 0 when absent */
    int has_channels;
} sdpx_rtpmap;

/** Decode an rtpmap value ("111 opus/48000/2"). */
int sdpx_rtpmap_parse(sdpx_str value, sdpx_rtpmap *out);

/** Encode an rtpmap value; returns its length or SDPX_EINVAL. */
int sdpx_rtpmap_write(const sdpx_rtpmap *r, char *buf, size_t cap);

/** a=fmtp:<format> <format specific parameters> (RFC 8866 6.15) */
typedef struct sdpx_fmtp {
    sdpx_str format;       /* the format as written: a payload type, or a token for non-RTP media */
    int has_payload_type;  /* 1 when the format is a number (then 0-127) */
    unsigned payload_type; /* when has_payload_type */
    sdpx_str params;       /* the raw parameters ("minptime=10;useinbandfec=1", "111/111", "0-15") */
} sdpx_fmtp;

/** One `key[=value]` item of a ';'-separated parameter list (fmtp, rid restrictions). */
typedef struct sdpx_param {
    sdpx_str key;   /* the whole item when it has no '=' (RED's "111/111") */
    sdpx_str value; /* empty when has_value is 0 */
    int has_value;
} sdpx_param;

/** Decode an fmtp value ("97 apt=96"). */
int sdpx_fmtp_parse(sdpx_str value, sdpx_fmtp *out);

/** Encode an fmtp value (the format view when set, else payload_type); returns its length or SDPX_EINVAL. */
int sdpx_fmtp_write(const sdpx_fmtp *f, char *buf, size_t cap);

/**
 * Iterate a ';'-separated parameter list: takes the next item off the front
 * of *rest (spaces around items and around '=' are skipped). Returns 1 with
 * *out filled, 0 when *rest is exhausted; empty items are skipped.
 */
int sdpx_param_next(sdpx_str *rest, sdpx_param *out);

/**
 * Look up a parameter by key (ASCII case-insensitive, as media type
 * parameters are) in an fmtp's parameters. Returns 0 and sets *value, or
 * SDPX_ENOTFOUND.
 */
int sdpx_fmtp_get(const sdpx_fmtp *f, const char *key, sdpx_str *value);

/** a=rtcp-fb:<payload type or *> <type> [<subtype> [<params>]] (RFC 4585 4.2) */
typedef struct sdpx_rtcp_fb {
    int wildcard;          /* 1 for "*": applies to every payload type */
    unsigned payload_type; /* 0-127 when wildcard is 0 */
    sdpx_str type;         /* "nack", "ccm", "goog-remb", "trr-int", ... */
    sdpx_str subtype;      /* "pli", "fir", the trr-int value, ...; empty when absent */
    sdpx_str params;       /* anything after the subtype ("smaxpr=120"); usually empty */
} sdpx_rtcp_fb;

/** Decode an rtcp-fb value ("96 nack pli", "* ccm fir"). */
int sdpx_rtcp_fb_parse(sdpx_str value, sdpx_rtcp_fb *out);

/** Encode an rtcp-fb value; returns its length or SDPX_EINVAL. */
int sdpx_rtcp_fb_write(const sdpx_rtcp_fb *fb, char *buf, size_t cap);

/** Media direction (RFC 8866 6.7); sendrecv is the default. */
typedef enum sdpx_direction {
    SDPX_DIR_SENDRECV = 0,
    SDPX_DIR_SENDONLY = 1,
    SDPX_DIR_RECVONLY = 2,
    SDPX_DIR_INACTIVE = 3
} sdpx_direction;

/** Decode a direction name ("sendonly"). Returns 0 or SDPX_EVALUE. */
int sdpx_direction_parse(sdpx_str name, sdpx_direction *out);

/** The name of a direction ("sendrecv"), or NULL for an out-of-range value. */
const char *sdpx_direction_name(sdpx_direction d);

/**
 * The direction that applies to a media section: its own direction
 * attribute, else the session-level one, else sendrecv (RFC 8866 6.7).
 */
sdpx_direction sdpx_media_direction(const sdpx_media *m);

/** The session-level direction attribute, or sendrecv when there is none. */
sdpx_direction sdpx_session_direction(const sdpx_session *s);

/** a=extmap:<id>[/<direction>] <URI> [<extension attributes>] (RFC 8285 7) */
typedef struct sdpx_extmap {
    unsigned id;              /* 1-14 (one-byte), 1-255 (two-byte), or 4096-4351 in offers */
    int has_direction;
    sdpx_direction direction; /* when has_direction */
    sdpx_str uri;
    sdpx_str attributes;      /* the rest of the line after the URI; empty when absent */
} sdpx_extmap;

/** Decode an extmap value ("3 urn:ietf:params:rtp-hdrext:sdes:mid"). */
int sdpx_extmap_parse(sdpx_str value, sdpx_extmap *out);

/** Encode an extmap value; returns its length or SDPX_EINVAL. */
int sdpx_extmap_write(const sdpx_extmap *e, char *buf, size_t cap);

/**
 * The next extmap line that applies to a media section after `after`
 * (NULL: the first): its own extmap lines, or the session-level ones when it
 * has none (RFC 8285 7). Returns NULL at the end.
 */
const sdpx_line *sdpx_media_extmap_next(const sdpx_media *m, const sdpx_line *after);

/** a=rtcp:<port> [<nettype> <addrtype> <connection-address>] (RFC 3605 2.1) */
typedef struct sdpx_rtcp {
    uint16_t port;
    int has_address;
    sdpx_str nettype;  /* "IN" */
    sdpx_str addrtype; /* "IP4", "IP6" */
    sdpx_str address;
} sdpx_rtcp;

/** Decode an rtcp value ("9 IN IP4 0.0.0.0"). */
int sdpx_rtcp_parse(sdpx_str value, sdpx_rtcp *out);

/** Encode an rtcp value; returns its length or SDPX_EINVAL. */
int sdpx_rtcp_write(const sdpx_rtcp *r, char *buf, size_t cap);

/**
 * A non-zero decimal as a=ptime, a=maxptime and a=framerate take
 * (RFC 8866 9, non-zero-int-or-real), kept exact: value = num / den where
 * den is 10^(digits after the point), so "29.97" is 2997/100.
 */
typedef struct sdpx_decimal {
    uint64_t num;
    uint64_t den;     /* 1 for an integer */
    unsigned decimals; /* digits after the point (0: no point) */
} sdpx_decimal;

/** Decode a ptime, maxptime or framerate value ("20", "29.97"). Zero is refused. */
int sdpx_decimal_parse(sdpx_str value, sdpx_decimal *out);

/** Encode a decimal as written (same number of digits after the point). */
int sdpx_decimal_write(const sdpx_decimal *d, char *buf, size_t cap);

/** Decode a=quality:<quality> (RFC 8866 6.14): an integer 0-10. */
int sdpx_quality_parse(sdpx_str value, unsigned *out);

/* ---- Streams: ssrc, ssrc-group, msid, msid-semantic (RFC 5576, 8830) --- */

/** a=ssrc:<ssrc-id> <attribute>[:<value>] (RFC 5576 4.1) */
typedef struct sdpx_ssrc {
    uint32_t id;
    sdpx_str attribute; /* "cname", "msid", ... */
    sdpx_str value;     /* everything after the ':' (may hold spaces, as msid's does) */
    int has_value;
} sdpx_ssrc;

/** Decode an ssrc value ("1001 cname:x9Fk3nD2"). */
int sdpx_ssrc_parse(sdpx_str value, sdpx_ssrc *out);

/** Encode an ssrc value; returns its length or SDPX_EINVAL. */
int sdpx_ssrc_write(const sdpx_ssrc *s, char *buf, size_t cap);

/** a=ssrc-group:<semantics> <ssrc-id> ... (RFC 5576 4.2) */
typedef struct sdpx_ssrc_group {
    sdpx_str semantics; /* "FID", "SIM", "FEC", "FEC-FR", ... */
    sdpx_str ssrcs;     /* the member list; iterate with sdpx_ssrc_next */
} sdpx_ssrc_group;

/** Decode an ssrc-group value ("FID 1001 1002"); every member must be a 32-bit number. */
int sdpx_ssrc_group_parse(sdpx_str value, sdpx_ssrc_group *out);

/** Encode an ssrc-group value; returns its length or SDPX_EINVAL. */
int sdpx_ssrc_group_write(const sdpx_ssrc_group *g, char *buf, size_t cap);

/**
 * Iterate a space-separated SSRC list (an ssrc-group's members): takes the
 * next one off *rest. Returns 1 with *ssrc set, 0 at the end, or
 * SDPX_EVALUE when a member is not a 32-bit number.
 */
int sdpx_ssrc_next(sdpx_str *rest, uint32_t *ssrc);

/** a=msid:<stream id> [<track id>] (RFC 8830 2) */
typedef struct sdpx_msid {
    sdpx_str stream_id; /* "-" means no stream */
    sdpx_str track_id;  /* the msid-appdata; empty when absent */
    int has_track_id;
} sdpx_msid;

/** Decode an msid value ("stream1 audio1"); each id is 1-64 token chars. */
int sdpx_msid_parse(sdpx_str value, sdpx_msid *out);

/** Encode an msid value; returns its length or SDPX_EINVAL. */
int sdpx_msid_write(const sdpx_msid *m, char *buf, size_t cap);

/** a=msid-semantic: <semantic> [<id> ... | *] (draft-ietf-mmusic-msid-05; still sent by browsers) */
typedef struct sdpx_msid_semantic {
    sdpx_str semantic; /* "WMS" */
    sdpx_str ids;      /* the id list (iterate with sdpx_field_next); empty when absent */
    int wildcard;      /* 1 when the list is "*" */
} sdpx_msid_semantic;

/** Decode an msid-semantic value (" WMS stream1", "WMS *"); leading spaces are allowed. */
int sdpx_msid_semantic_parse(sdpx_str value, sdpx_msid_semantic *out);

/** Encode an msid-semantic value (without the leading space browsers write). */
int sdpx_msid_semantic_write(const sdpx_msid_semantic *m, char *buf, size_t cap);

/**
 * The CNAME of a media section: the value of its first a=ssrc line with the
 * cname attribute (RFC 5576 6.1). Returns 0 and sets *out, or SDPX_ENOTFOUND.
 */
int sdpx_media_cname(const sdpx_media *m, sdpx_str *out);

/* ---- Simulcast: rid, simulcast (RFC 8851, 8853) ----------------------- */

/** a=rid:<rid-id> <send|recv> [pt=<fmt>,...][;<restriction>...] (RFC 8851 10) */
typedef struct sdpx_rid {
    sdpx_str id;            /* 1*(ALPHA / DIGIT / "-" / "_") */
    int send;               /* 1 for "send", 0 for "recv" */
    sdpx_str pts;           /* the payload types after "pt=" ("97,98"); empty when absent */
    int has_pts;
    sdpx_str restrictions;  /* the rest: ';'-separated, iterate with sdpx_param_next */
} sdpx_rid;

/** Decode a rid value ("h send pt=96;max-width=1280"). */
int sdpx_rid_parse(sdpx_str value, sdpx_rid *out);

/** Encode a rid value; returns its length or SDPX_EINVAL. */
int sdpx_rid_write(const sdpx_rid *r, char *buf, size_t cap);

/**
 * Iterate a comma-separated payload type list (a rid's pts): takes the next
 * one off *rest. Returns 1 with *pt set, 0 at the end, SDPX_EVALUE when an
 * entry is not a payload type 0-127.
 */
int sdpx_pt_next(sdpx_str *rest, unsigned *pt);

/**
 * a=simulcast:<send|recv> <streams> [<recv|send> <streams>] (RFC 8853 5.1).
 * A stream list is ';'-separated streams, each a ','-separated list of
 * alternative rids, each possibly paused with "~": "h;~l", "1,~4;2;3".
 * The draft form written by older browsers (" send rid=1,4;2;3 paused=4")
 * decodes too: leading spaces and the "rid=" prefix are skipped, and the
 * rids named by "paused=" are reported as paused by sdpx_simulcast_alt_next
 * (the encoder writes them in the RFC 8853 form, with "~").
 */
typedef struct sdpx_simulcast {
    sdpx_str send;   /* the send stream list, empty when absent */
    sdpx_str recv;   /* the recv stream list, empty when absent */
    int has_send;
    int has_recv;
    int recv_first;  /* 1 when recv was written before send */
    sdpx_str send_paused; /* draft form only: the "paused=" list after send; else empty */
    sdpx_str recv_paused; /* draft form only: the "paused=" list after recv; else empty */
} sdpx_simulcast;

/** Decode a simulcast value ("send h;~l recv c"). */
int sdpx_simulcast_parse(sdpx_str value, sdpx_simulcast *out);

/** Encode a simulcast value in the RFC 8853 form; returns its length or SDPX_EINVAL. */
int sdpx_simulcast_write(const sdpx_simulcast *s, char *buf, size_t cap);

/**
 * Iterate the streams of a stream list (sdpx_simulcast.send or .recv):
 * takes the next ';'-separated stream off *rest and sets *alts to its
 * alternatives. Returns 1, or 0 at the end.
 */
int sdpx_simulcast_stream_next(sdpx_str *rest, sdpx_str *alts);

/**
 * Iterate the alternatives of one stream: takes the next ','-separated rid
 * off *rest, sets *rid (without "~") and *paused. `paused_list` is the
 * draft form's "paused=" list of the same direction (an empty view
 * otherwise). Returns 1, or 0 at the end.
 */
int sdpx_simulcast_alt_next(sdpx_str *rest, sdpx_str paused_list, sdpx_str *rid, int *paused);

/* ---- Image attributes (RFC 6236) --------------------------------------- */

/**
 * a=imageattr:<PT> <send|recv> <attr-list> [<recv|send> <attr-list>]
 * (RFC 6236 3.1). Each attr-list is "*" or sets "[x=...,y=...]" separated
 * by spaces; each direction appears at most once.
 */
typedef struct sdpx_imageattr {
    int wildcard;          /* 1 for PT "*" */
    unsigned payload_type; /* 0-127 when wildcard is 0 */
    sdpx_str send;         /* the send attr-list as written; walk with sdpx_imageattr_set_next */
    sdpx_str recv;         /* the recv attr-list */
    int has_send;
    int has_recv;
    int recv_first;        /* 1 when recv was written before send */
} sdpx_imageattr;

/**
 * One set of an attr-list: "[x=<xyrange>,y=<xyrange>[,sar=..][,par=..][,q=..]]".
 * An xyrange is a size (1-999999), "[low:high]", "[low:step:high]" or
 * "[a,b,...]"; the bounds are its smallest and largest size. sar, par and q
 * are views of their values (empty when absent); other keys are allowed
 * and skipped.
 */
typedef struct sdpx_imageattr_set {
    sdpx_str text;       /* the whole set, brackets included */
    sdpx_str x, y;       /* the ranges as written */
    uint32_t x_min, x_max, y_min, y_max;
    sdpx_str sar;        /* sample aspect ratio(s): "1.1", "[0.9-1.1]", "[1.0,1.5]" */
    sdpx_str par;        /* picture aspect ratio range "[1.2-1.3]" */
    sdpx_str q;          /* preference 0.00-1.00 */
} sdpx_imageattr_set;

/**
 * Decode an a=imageattr value, checking the whole RFC 6236 3.1.1 grammar:
 * brackets, x and y in every set, each direction at most once, ranges
 * whose upper bound exceeds the lower, sar/par/q values (sar, par, q at
 * most once per set). Returns 0 or SDPX_EVALUE (SDPX_EINVAL for out NULL).
 */
int sdpx_imageattr_parse(sdpx_str value, sdpx_imageattr *out);

/** Write "pt send <list> recv <list>" (in the order recorded), snprintf style; SDPX_EINVAL for lists that do not decode. */
int sdpx_imageattr_write(const sdpx_imageattr *a, char *buf, size_t cap);

/**
 * Take the next set off an attr-list (start from send or recv): 1 with
 * *out filled, 0 at the end (a "*" list has no sets), SDPX_EVALUE.
 */
int sdpx_imageattr_set_next(sdpx_str *rest, sdpx_imageattr_set *out);

/**
 * The image attributes of payload type pt in m: its first a=imageattr for
 * pt, else its first for "*". 0 with *out filled, SDPX_ENOTFOUND, or the
 * decoder's SDPX_EVALUE for a malformed line.
 */
int sdpx_media_imageattr(const sdpx_media *m, unsigned pt, sdpx_imageattr *out);

/* ---- Codec view: a media section's codecs, joined --------------------- */

/**
 * One codec of a media section: a payload type of its m= line joined with
 * its a=rtpmap (or, without one, the static payload type of RFC 3551
 * tables 4 and 5), its first a=fmtp, and its RTX partner (RFC 4588: the rtx
 * payload type whose fmtp says apt=<this one>). Views and line handles point
 * into the session and stay valid until it is edited.
 */
typedef struct sdpx_codec {
    unsigned payload_type;
    sdpx_str encoding;         /* "opus", "PCMU"; empty when unknown */
    uint32_t clock_rate;       /* 0 when unknown */
    unsigned channels;         /* 0 when not given */
    int is_static;             /* 1 when encoding/clock come from RFC 3551, not an rtpmap */
    const sdpx_line *rtpmap;   /* NULL when the section has none for this type */
    const sdpx_line *fmtp;     /* the first fmtp line for this type, or NULL */
    sdpx_fmtp params;          /* decoded fmtp (params empty when fmtp is NULL) */
    int has_apt;               /* 1 for an RTX (or other) codec with apt=<type> */
    unsigned apt;              /* the payload type it repairs, when has_apt */
    int has_rtx;               /* 1 when another payload type says apt=<this one> */
    unsigned rtx_payload_type; /* that payload type, when has_rtx */
} sdpx_codec;

/**
 * The static payload type `pt` of RFC 3551 tables 4 and 5 (0 PCMU/8000,
 * 8 PCMA/8000, 9 G722/8000, 18 G729/8000, 34 H263/90000, ...). Returns 0
 * and fills encoding, clock rate and channels (0 for video), or
 * SDPX_ENOTFOUND for unassigned and dynamic types.
 */
int sdpx_static_payload_type(unsigned pt, sdpx_str *encoding, uint32_t *clock_rate,
                             unsigned *channels);

/**
 * Number of codecs of a media section: the formats of its m= line when the
 * transport is RTP based (the proto contains "RTP/"), else 0.
 */
size_t sdpx_media_codec_count(const sdpx_media *m);

/**
 * The i-th codec in m= line order. Returns 0 and fills *out, SDPX_ENOTFOUND
 * when i is out of range (or the section was removed), or SDPX_EVALUE when
 * that format is not a payload type 0-127. The first codec read of a
 * section builds its index in one pass (one block from the session's
 * allocator, dropped by the next edit of the section); later calls are O(1),
 * so visiting every codec is linear in the section. Sessions parsed with
 * SDPX_PARSE_NO_HEAP build no index: each call walks the section's lines.
 */
int sdpx_media_codec(const sdpx_media *m, size_t i, sdpx_codec *out);

/** The codec with payload type `pt` if the m= line lists it; else SDPX_ENOTFOUND. */
int sdpx_media_codec_find(const sdpx_media *m, unsigned pt, sdpx_codec *out);

/**
 * Iterate a codec's a=rtcp-fb lines: the next one after `after` (NULL: the
 * first) whose payload type is the codec's or "*" (RFC 4585 4.2), or NULL.
 * With the section's index (sdpx_media_codec) each call is a binary search.
 */
const sdpx_line *sdpx_codec_rtcp_fb_next(const sdpx_media *m, const sdpx_codec *c,
                                         const sdpx_line *after);

/* ---- end of RTP, streams, simulcast and codec view ------------------- */

/* ===================================================================== */
/* 7. Edits                                                              */
/* ===================================================================== */

/*
 * Edits change a parsed session in place. Every edit either succeeds whole
 * or fails and leaves the session exactly as it was: it builds what it needs
 * in the session's arena first (SDPX_ENOMEM, or SDPX_ESCRATCH for a session
 * parsed with SDPX_PARSE_NO_HEAP whose scratch memory is full) and only
 * then changes the model. Every string a setter takes is validated: CR, LF
 * and NUL are refused (no line injection), and so is anything the field's
 * grammar does not allow; a refused value returns SDPX_EINVAL (SDPX_ELIMIT
 * for a line longer than SDPX_DEFAULT_MAX_LINE_LEN, which a parse with
 * default limits would refuse). New and changed lines get their text in
 * the arena; untouched lines are still written byte for byte. Line handles
 * follow the rules of section 4; sdpx_media handles stay valid, and after
 * sdpx_session_media_remove every edit of the section answers SDPX_ESTALE.
 *
 * Memory: a session's arena keeps what edits replaced until it compacts.
 * After an edit that inserts or removes lines, when the arena holds more
 * than twice what the last compaction kept (and at least 64 KiB), the
 * session rebuilds its lines into one new block and frees the rest, so a
 * session edited any number of times (trickled candidates, renegotiations)
 * stays within a constant of its current description, at amortised O(1)
 * cost per edited byte. sdpx_attr_replace never compacts (it reuses the old
 * line's bytes when the new text fits). NO_HEAP sessions do not compact.
 */

/**
 * Compact now: move every line and every text an edit made into one new
 * block and free the others (see above; line handles kept from before must
 * not be used after it). Returns 0, SDPX_ENOMEM (nothing changed), or
 * SDPX_EINVAL for NULL. A NO_HEAP session is left as it is (0).
 */
int sdpx_session_compact(sdpx_session *s);

/* ---- 7.1 Lines, attributes, media sections and session fields --------- */

/** Edit flags for sdpx_session_set_edit_flags. */
enum {
    /** Increment o= sess-version once, on the first edit that changes
     *  anything after the flag is set (JSEP 5.2.2, RFC 3264 8). */
    SDPX_EDIT_BUMP_VERSION = 1u << 0
};

/**
 * Why the last edit of s was refused: the code it returned, `col` the
 * 1-based byte of the offending argument (0 when the reason is not one
 * byte), `line` 0, and `msg` naming the argument and what it would have
 * broken ("value: byte 2 is a CR, which would end the new a= line there and
 * start another"). Every edit clears it on entry, so after a success, or a
 * refusal without a recorded reason, code is 0 and msg empty. Valid until
 * the session is freed; NULL for a NULL session.
 */
const sdpx_error *sdpx_session_last_error(const sdpx_session *s);

/** Set edit flags (SDPX_EDIT_*); setting them again re-arms the one bump. SDPX_EINVAL for unknown bits. */
int sdpx_session_set_edit_flags(sdpx_session *s, unsigned flags);

/**
 * Append an attribute a=<name>[:<value>] to the session level (after its
 * last line) or to a media section. `value` NULL makes a property attribute
 * (a=rtcp-mux). The name must be a token; a known attribute's value must
 * pass its grammar (sdpx_attr_validate rules). Returns 0 or SDPX_EINVAL.
 */
int sdpx_session_attr_add(sdpx_session *s, const char *name, const char *value);
int sdpx_media_attr_add(sdpx_media *m, const char *name, const char *value);

/**
 * Insert an attribute before (after == 0) or after (after != 0) the line
 * `ref` of the session, wherever it is. Refused (SDPX_EINVAL) when the new
 * line would precede a non-attribute line, breaking RFC 8866 order;
 * SDPX_ENOTFOUND when ref is not a line of s.
 */
int sdpx_attr_insert(sdpx_session *s, const sdpx_line *ref, int after, const char *name,
                     const char *value);

/** Replace the a= line `line` of s by a=<name>[:<value>] (validated as in sdpx_session_attr_add). */
int sdpx_attr_replace(sdpx_session *s, const sdpx_line *line, const char *name, const char *value);

/** Remove any line of s but v= and m= lines (SDPX_EINVAL; remove a section with sdpx_session_media_remove). */
int sdpx_line_remove(sdpx_session *s, const sdpx_line *line);

/**
 * Remove every attribute named `name` (a token, else SDPX_EINVAL) at session
 * level / in a media section. Returns the count removed.
 */
int sdpx_session_attr_remove(sdpx_session *s, const char *name);
int sdpx_media_attr_remove(sdpx_media *m, const char *name);

/**
 * Insert a new media section at position `pos` (0 .. media count) from an
 * m= value ("audio 9 UDP/TLS/RTP/SAVPF 111"); at least one format is
 * required. Sets *out (if not NULL) to the new section. Other sections keep
 * their handles; their indexes shift. SDPX_ELIMIT past SDPX_DEFAULT_MAX_MEDIA.
 */
int sdpx_session_media_add(sdpx_session *s, size_t pos, const char *mline, sdpx_media **out);

/**
 * Remove media section m and its mid from every a=group (a group left with
 * no mid is removed, RFC 8843 7.3.3). m must not be used afterwards.
 */
int sdpx_session_media_remove(sdpx_session *s, sdpx_media *m);

/** Move media section m to position pos (0 .. count - 1). */
int sdpx_session_media_move(sdpx_session *s, sdpx_media *m, size_t pos);

/**
 * Set the m= port (0-65535), keeping a /<number of ports>. Port 0 rejects
 * the section (RFC 3264 6): its mid also leaves every a=group (RFC 8843
 * 7.3.3); the formats stay, as the m= grammar needs one.
 */
int sdpx_media_set_port(sdpx_media *m, unsigned port);

/** Reject a media section: the same as sdpx_media_set_port(m, 0). */
int sdpx_media_reject(sdpx_media *m);

/** Set the m= proto ("UDP/TLS/RTP/SAVPF"): tokens joined by '/'. */
int sdpx_media_set_proto(sdpx_media *m, const char *proto);

/** Set the m= format list ("111 63 9"): one or more space-separated tokens. */
int sdpx_media_set_formats(sdpx_media *m, const char *formats);

/**
 * Set the c= line: a whole value "IN IP4 203.0.113.7" (multicast suffixes
 * allowed), checked against RFC 8866 5.7 (with IN, IP4 takes a dotted quad
 * or FQDN, IP6 an IPv6 address or FQDN). Replaces every c= of the level;
 * NULL removes them.
 */
int sdpx_session_set_connection(sdpx_session *s, const char *value);
int sdpx_media_set_connection(sdpx_media *m, const char *value);

/**
 * Set b=<type>:<value> (RFC 8866 5.8: type a token such as "AS", "TIAS",
 * "CT"), replacing the line of that type or inserting one at its place.
 */
int sdpx_session_set_bandwidth(sdpx_session *s, const char *type, uint64_t value);
int sdpx_media_set_bandwidth(sdpx_media *m, const char *type, uint64_t value);

/** Remove the b= lines of `type` (NULL: every b= line). Returns the count removed. */
int sdpx_session_clear_bandwidth(sdpx_session *s, const char *type);
int sdpx_media_clear_bandwidth(sdpx_media *m, const char *type);

/** Set the i= line to a non-empty text; NULL removes it. */
int sdpx_session_set_info(sdpx_session *s, const char *text);
int sdpx_media_set_info(sdpx_media *m, const char *text);

/** Set the k= line to "<method>[:<key>]" (RFC 8866 5.12); NULL removes it. */
int sdpx_session_set_key(sdpx_session *s, const char *value);
int sdpx_media_set_key(sdpx_media *m, const char *value);

/**
 * Set o= fields: each field of *o whose ptr is NULL keeps its current
 * value. username, nettype and addrtype must be tokens, the ids digits (any
 * length), the address fit its addrtype (RFC 8866 5.2).
 */
int sdpx_session_set_origin(sdpx_session *s, const sdpx_origin *o);

/** Set the s= text (non-empty; RFC 8866 5.3 suggests "-" when there is no name). */
int sdpx_session_set_name(sdpx_session *s, const char *name);

/** Set the first t= line to "<start> <stop>" (NTP seconds; 0 0 for an unbounded session). */
int sdpx_session_set_timing(sdpx_session *s, uint64_t start, uint64_t stop);

/**
 * Increment o= sess-version as decimal text, growing it on a carry (a
 * 25-digit value works). SDPX_ENOTFOUND without an o= line, SDPX_EFIELD
 * when the version is not digits.
 */
int sdpx_session_bump_version(sdpx_session *s);

/**
 * Typed attributes: `value` points to the struct of `kind`'s decoder
 * (sdpx_candidate for SDPX_ATTR_CANDIDATE, sdpx_rtpmap, sdpx_fmtp,
 * sdpx_rtcp_fb, sdpx_extmap, sdpx_rtcp, sdpx_fingerprint, sdpx_crypto,
 * sdpx_group, sdpx_ssrc, sdpx_ssrc_group, sdpx_msid, sdpx_msid_semantic,
 * sdpx_rid, sdpx_simulcast, sdpx_sctpmap, sdpx_imageattr). It is written by the kind's
 * encoder and checked like a raw value; SDPX_EINVAL for other kinds or a
 * struct that does not encode (or holds CR/LF).
 */
int sdpx_media_attr_add_typed(sdpx_media *m, sdpx_attr_kind kind, const void *value);
int sdpx_session_attr_add_typed(sdpx_session *s, sdpx_attr_kind kind, const void *value);

/** Insert a typed attribute before/after `ref` (as sdpx_attr_insert). */
int sdpx_attr_insert_typed(sdpx_session *s, const sdpx_line *ref, int after, sdpx_attr_kind kind,
                           const void *value);

/** Replace the a= line `line` of s by a typed attribute (as sdpx_media_attr_add_typed). */
int sdpx_attr_replace_typed(sdpx_session *s, const sdpx_line *line, sdpx_attr_kind kind,
                            const void *value);

/* ---- 7.2 Codec helpers ------------------------------------------------- */
/*
 * A codec is named by its encoding ("VP8", "opus", "PCMU"; compared ignoring
 * case; static payload types of RFC 3551 count too). Each helper keeps the
 * section consistent: the m= format list, and the rtpmap, fmtp and rtcp-fb
 * lines of every payload type it drops, go together; an RTX type (fmtp
 * apt=) goes with the type it repairs and a RED type (fmtp "111/111") with
 * any type it carries; a=rid "pt=" lists lose the types too (RFC 8851 4).
 * Sections that are not RTP are left alone. A helper that would leave an m=
 * line without formats, or a rid without payload types, fails with
 * SDPX_EINVAL and changes nothing. The session variants apply to every section, as one edit.
 */

/**
 * Remove a codec (with its partners). `fmtp_match` (NULL: any) narrows it to
 * payload types whose fmtp holds "key=value", e.g. "profile-level-id=42e01f".
 * Returns the number of payload types removed: 0 when no section has the
 * codec, which is not an error (the description is already as asked);
 * `sdpx edit --remove-codec` reports it as "no such codec", exit status 1,
 * so that a misspelt name on a command line is noticed.
 */
int sdpx_media_remove_codec(sdpx_media *m, const char *encoding, const char *fmtp_match);
int sdpx_session_remove_codec(sdpx_session *s, const char *encoding, const char *fmtp_match);

/** Keep only the codecs named (and their RTX/RED partners). Returns the number of payload types removed. */
int sdpx_media_keep_codecs(sdpx_media *m, const char *const *encodings, size_t n);
int sdpx_session_keep_codecs(sdpx_session *s, const char *const *encodings, size_t n);

/**
 * Reorder by preference: the codecs named come first, in the order given,
 * each followed by its RTX partner; the rest keep their order. The rtpmap/
 * fmtp/rtcp-fb lines are reordered the same way (their text is unchanged).
 * Returns the number of sections reordered.
 */
int sdpx_media_prefer_codecs(sdpx_media *m, const char *const *encodings, size_t n);
int sdpx_session_prefer_codecs(sdpx_session *s, const char *const *encodings, size_t n);

/**
 * Set (value) or remove (value NULL) one fmtp parameter of payload type pt,
 * keeping the other parameters as written; adds an a=fmtp line after the
 * type's rtpmap when there is none, removes it when no parameter is left.
 * key is a token; value holds no space or ';'. SDPX_ENOTFOUND when pt is not
 * in the m= line.
 */
int sdpx_media_set_fmtp_param(sdpx_media *m, unsigned pt, const char *key, const char *value);

/**
 * The same for every payload type of a codec, e.g. Opus (RFC 7587 6.1):
 * sdpx_media_set_codec_param(m, "opus", "stereo", "1"), "maxaveragebitrate",
 * "useinbandfec", "usedtx". Returns the number of payload types changed.
 */
int sdpx_media_set_codec_param(sdpx_media *m, const char *encoding, const char *key,
                               const char *value);

/* ---- 7.3 Direction ------------------------------------------------------ */

/** Set the section's direction attribute, replacing any (RFC 8866 6.7). */
int sdpx_media_set_direction(sdpx_media *m, sdpx_direction d);

/** Hold (RFC 3264 8.4): sendrecv -> sendonly, recvonly -> inactive, others unchanged. */
int sdpx_media_hold(sdpx_media *m);

/** Resume, the inverse of hold: sendonly -> sendrecv, inactive -> recvonly. */
int sdpx_media_resume(sdpx_media *m);

/* ---- 7.4 ICE, DTLS, BUNDLE, streams, header extensions ------------------- */

/**
 * ICE restart: set every a=ice-ufrag and a=ice-pwd (session and media
 * levels) to new values, checked against RFC 8839 5.4 (4-256 and 22-256
 * ice-chars). SDPX_ENOTFOUND when the description has neither.
 */
int sdpx_session_set_ice_credentials(sdpx_session *s, const char *ufrag, const char *pwd);

/**
 * Add a candidate (trickle ICE to full SDP): "candidate:...", "a=candidate:..."
 * or the bare value, as sdpx_candidate_parse accepts it; goes after the
 * section's last candidate. An empty string (the browser's end signal) adds
 * a=end-of-candidates instead. SDPX_EINVAL for a malformed candidate,
 * SDPX_ENOTFOUND when no ice-ufrag and ice-pwd apply to the section.
 */
int sdpx_media_add_candidate(sdpx_media *m, const char *candidate);

/** The same, to the section with a=mid `mid`, or (mid NULL) at `index` (sdpMid / sdpMLineIndex). */
int sdpx_session_add_candidate(sdpx_session *s, const char *mid, size_t index, const char *candidate);

/** Add a=end-of-candidates after the section's candidates, once (RFC 8840 8.2). */
int sdpx_media_end_of_candidates(sdpx_media *m);

/**
 * Candidate filter bits: types, transports, address families, address
 * scopes. Each group has bits of its own, so a bit put in the wrong field is
 * refused (SDPX_EINVAL) instead of silently meaning something else.
 */
enum {
    SDPX_CF_HOST = 1u << 0, SDPX_CF_SRFLX = 1u << 1, SDPX_CF_PRFLX = 1u << 2, SDPX_CF_RELAY = 1u << 3,
    SDPX_CF_TYPES = 0xfu, /* every type bit */
    SDPX_CF_UDP = 1u << 4, SDPX_CF_TCP = 1u << 5,
    SDPX_CF_TRANSPORTS = 0x30u,
    SDPX_CF_IP4 = 1u << 8, SDPX_CF_IP6 = 1u << 9, SDPX_CF_MDNS = 1u << 10, SDPX_CF_FQDN = 1u << 11,
    SDPX_CF_FAMILIES = 0xf00u,
    SDPX_CF_PRIVATE = 1u << 12,    /* 10/8, 172.16/12, 192.168/16, fc00::/7 */
    SDPX_CF_LOOPBACK = 1u << 13,   /* 127/8, ::1 */
    SDPX_CF_LINK_LOCAL = 1u << 14, /* 169.254/16, fe80::/10 */
    SDPX_CF_SCOPES = 0x7000u
};

/**
 * Which candidates to remove: each non-zero field must match (a bit set for
 * the candidate's type, transport, family, scope; component equal); zero
 * fields match anything, so an all-zero filter matches every candidate.
 */
typedef struct sdpx_candidate_filter {
    unsigned types;      /* SDPX_CF_HOST ... RELAY */
    unsigned transports; /* SDPX_CF_UDP, SDPX_CF_TCP */
    unsigned families;   /* SDPX_CF_IP4, IP6, MDNS (".local"), FQDN */
    unsigned scopes;     /* SDPX_CF_PRIVATE, LOOPBACK, LINK_LOCAL */
    unsigned component;  /* 1 RTP, 2 RTCP; 0 any */
} sdpx_candidate_filter;

/**
 * Remove the candidates matching f. When a section's default (its c=
 * address and m= port) was one of them, the best remaining component-1
 * candidate becomes the default (relay, srflx, prflx, host), or 0.0.0.0
 * port 9 when none is left (JSEP 5.2.1), so no removed address stays in
 * the c= a section uses: a section that used the session-level c= gets one
 * of its own (the session line itself is left as it is, for the sections
 * still using it); a=rtcp likewise (best remaining RTCP candidate, else 9
 * 0.0.0.0).
 * Returns the number removed.
 */
int sdpx_media_remove_candidates(sdpx_media *m, const sdpx_candidate_filter *f);
int sdpx_session_remove_candidates(sdpx_session *s, const sdpx_candidate_filter *f);

/**
 * Make candidate line `candidate` (an a=candidate of m with an IP address)
 * the default: component 1 sets the section's c= and m= port, component 2
 * its a=rtcp (JSEP 5.2.1, RFC 3605).
 */
int sdpx_media_use_candidate(sdpx_media *m, const sdpx_line *candidate);

/** Set every a=setup (session and media level) to `role`. SDPX_ENOTFOUND when there is none. */
int sdpx_session_set_setup(sdpx_session *s, sdpx_setup role);

/** Set the section's a=setup, adding one when it has none. */
int sdpx_media_set_setup(sdpx_media *m, sdpx_setup role);

/**
 * Replace every a=fingerprint by one value "sha-256 AB:CD:..." (checked by
 * sdpx_fingerprint_parse); a section with several keeps one. SDPX_ENOTFOUND
 * when there is none.
 */
int sdpx_session_set_fingerprint(sdpx_session *s, const char *value);

/**
 * Add mid to the first a=group with `semantics` ("BUNDLE"), creating the
 * group when there is none. SDPX_ENOTFOUND when no section has that mid.
 */
int sdpx_session_group_add_mid(sdpx_session *s, const char *semantics, const char *mid);

/** Remove mid from every a=group (a group left empty goes). Returns the number of groups changed. */
int sdpx_session_group_remove_mid(sdpx_session *s, const char *mid);

/** Remove every a=ssrc, a=ssrc-group and a=msid of a section. Returns the count. */
int sdpx_media_remove_streams(sdpx_media *m);

/** Set the section's a=msid (RFC 8830 2; track may be NULL), replacing any. */
int sdpx_media_set_msid(sdpx_media *m, const char *stream, const char *track);

/** Remove every a=extmap with this URI (session and media level). Returns the count. */
int sdpx_session_remove_extmap(sdpx_session *s, const char *uri);

/**
 * Give the extension `uri` the id `id` (1-14, 16-255; RFC 8285) everywhere
 * it appears. SDPX_EINVAL when a section already uses id for another URI.
 * Returns the number of lines changed.
 */
int sdpx_session_renumber_extmap(sdpx_session *s, const char *uri, unsigned id);

/**
 * Renumber every header extension: each mapping (direction, URI and
 * attributes), in order of first appearance, gets the same id 1, 2, ... (15 skipped) in
 * every section, as BUNDLE wants (RFC 8843 9.2, RFC 8285). Returns the
 * number of lines changed.
 */
int sdpx_session_compact_extmap(sdpx_session *s);

/* ---- 7.5 Redaction ------------------------------------------------------- */

/**
 * Redact a description for logs: addresses in o=, c=, a=rtcp, candidates
 * (raddr too) and a=remote-candidates become documentation addresses (192.0.2.N, 2001:db8::N,
 * redacted-N.local, host-N.invalid), ports in m=, a=rtcp and candidates
 * become 10000+N, ICE ufrag/pwd, fingerprints (same hash and length), SDES
 * inline keys and k= keys become placeholders. The same value maps to the
 * same placeholder within the description; 0.0.0.0, ::, loopback and ports
 * 0 and 9 stay. The result still parses. Does not bump sess-version.
 * Returns the number of values replaced.
 */
int sdpx_session_redact(sdpx_session *s);

/* ---- 7.6 Trickle ICE: applying a fragment (RFC 8840) ------------------ */

/** What sdpx_session_apply_fragment did. */
typedef struct sdpx_apply_result {
    int ice_restart;          /* credentials differ: nothing was applied */
    size_t added;             /* candidates added */
    size_t duplicates;        /* candidates already present, skipped */
    size_t ended;             /* sections that received a=end-of-candidates */
} sdpx_apply_result;

/**
 * Apply a fragment to a session: each fragment section is matched to the
 * session's media section by a=mid (by position when it has none), its
 * candidates are appended there (duplicates skipped) and its
 * end-of-candidates added, as one edit (section 7: all or nothing; it bumps
 * sess-version when SDPX_EDIT_BUMP_VERSION is set). When the fragment's
 * ufrag/pwd differ from the ones in force for a section, it is an ICE
 * restart (RFC 8840 4.4): nothing changes and res->ice_restart is set.
 * Returns 0; SDPX_ENOTFOUND for a mid the session lacks, SDPX_EVALUE for a
 * malformed candidate, SDPX_EINVAL for two fragment sections naming one
 * media section, SDPX_ENOMEM / SDPX_ESCRATCH; nothing changes on error.
 */
int sdpx_session_apply_fragment(sdpx_session *s, const sdpx_session *frag,
                                sdpx_apply_result *res);

/* ===================================================================== */
/* 8. Writer                                                             */
/* ===================================================================== */

/** Writer flags. */
enum {
    /** Keep bare-LF line endings as they came (default: write CRLF). */
    SDPX_WRITE_KEEP_LF = 1u << 0,
    /** Tidy what the lenient parse tolerated: drop blank lines and lines
     *  kept as text (SDPX_W_UNTYPED_LINE), indentation and trailing spaces
     *  and tabs (an "s= " keeps its one space, RFC 8866 5.3). The default
     *  writes every line as it came. */
    SDPX_WRITE_TIDY = 1u << 1
};

/**
 * Write the session as SDP text, snprintf style: writes at most `cap` bytes
 * (including a terminating NUL when there is room) and returns the length
 * of the full text without the NUL. Untouched lines are written byte for
 * byte as they were parsed; every line gets CRLF unless SDPX_WRITE_KEEP_LF.
 */
size_t sdpx_write(const sdpx_session *s, unsigned flags, char *buf, size_t cap);

/**
 * Write the session into a new NUL-terminated buffer from malloc. Returns
 * it (the caller frees it with sdpx_free) and sets *len when not NULL, or
 * returns NULL when out of memory.
 */
char *sdpx_write_alloc(const sdpx_session *s, unsigned flags, size_t *len);

/** Free memory returned by sdpx_write_alloc. NULL is allowed. */
void sdpx_free(void *p);

/* ===================================================================== */
/* 9. JSON: sdp-transform's shape (docs/json.md maps every key)          */
/* ===================================================================== */

/*
 * The JSON is the object sdp-transform's parse() gives (keys, nesting,
 * arrays in line order, numbers where its toIntIfInt makes numbers), and
 * parse_json reads it back the way its write() does. By default both follow
 * that library where it drops or mangles data; SDPX_JSON_LOSSLESS is the
 * correct reading: out, every a= line the shape would not give back byte
 * for byte goes to `invalid` verbatim; in, ids stay as written and no field
 * becomes "undefined" or NaN. docs/json.md lists each case.
 */

/** JSON flags. */
enum {
    SDPX_JSON_PRETTY = 1u << 0,  /* out: two-space indentation, as JSON.stringify(x, null, 2) */
    SDPX_JSON_LOSSLESS = 1u << 1 /* out and in: the correct reading (see above) */
};

/**
 * Write the session as JSON, snprintf style (at most `cap` bytes, NUL
 * included when there is room; returns the full length). Strings are
 * UTF-8: valid sequences pass through, control bytes are escaped as
 * JSON.stringify does, and each ill-formed sequence becomes U+FFFD (the
 * WHATWG decoder's rule, as a JavaScript reader sees the file). Returns 0
 * only when out of memory (a level of more than 1024 lines needs a buffer).
 */
size_t sdpx_write_json(const sdpx_session *s, unsigned flags, char *buf, size_t cap);

/** The same into a new NUL-terminated buffer (free with sdpx_free); NULL when out of memory. */
char *sdpx_write_json_alloc(const sdpx_session *s, unsigned flags, size_t *len);

/**
 * One line's JSON as the shape holds it: its element object (push keys such
 * as "candidates"), its object ("origin") or its value ("mid"). `type` is
 * the line letter and `value` the text after "x=" ("candidate:1 1 udp ...").
 * Sets *key (if not NULL) to the shape key, or NULL when sdp-transform drops
 * such a line (then writes "null"). snprintf style; a NULL value with n > 0
 * returns 0 and sets *key to NULL.
 */
size_t sdpx_write_json_line(char type, const char *value, size_t n, unsigned flags,
                            const char **key, char *buf, size_t cap);

#define SDPX_JSON_DEFAULT_MAX_DEPTH 64
#define SDPX_JSON_DEFAULT_MAX_VALUES 262144

/** Options of sdpx_parse_json; zero fields take defaults, NULL means all defaults. */
typedef struct sdpx_json_options {
    unsigned flags;                  /* SDPX_JSON_LOSSLESS */
    size_t max_depth;                /* nesting of arrays and objects; default 64 */
    size_t max_values;               /* values in the whole text; default 262144 */
    const sdpx_parse_options *parse; /* parsing of the SDP written from the JSON; the
                                        input size limit applies to the JSON too */
} sdpx_json_options;

/**
 * Build a session from JSON in the shape: strict RFC 8259 JSON (UTF-8, one
 * value), checked against the shape, written as SDP text as sdp-transform's
 * write() does, then parsed (sdpx_parse with opt->parse). Returns 0 with
 * *out set, or a code with *err filled: SDPX_EJSON (malformed; msg gives
 * the byte offset, line/col its position), SDPX_ELIMIT (size, depth or
 * value count), SDPX_EJSON_SHAPE (msg names the path, e.g.
 * `media[1].rtp[0].payload: expected a number`; also a key given twice, or
 * CR, LF or NUL in a string), SDPX_EINVAL (unknown flags), SDPX_ENOMEM, or
 * a parse error of the written SDP. Unknown keys are ignored, as write()
 * ignores them; null counts as absent.
 */
int sdpx_parse_json(const char *buf, size_t len, const sdpx_json_options *opt,
                    sdpx_session **out, sdpx_error *err);

/* ===================================================================== */
/* 10. Negotiation: builder, capabilities, answerer, verify              */
/* ===================================================================== */

/*
 * Offer/answer (RFC 3264) the way WebRTC does it (RFC 9429 JSEP 5.2.1 for
 * offers, 5.3 for answers), and the way SIP endpoints do it (RTP/AVP, static
 * payload types, no ICE or DTLS). Everything is built on the model above:
 * offers and answers are ordinary sessions, written once as text and parsed
 * once. docs/negotiation.md states every rule with its RFC section.
 *
 * Randomness (session ids, ICE credentials) comes from a caller-supplied
 * function, so tests and fuzzers can fix it; NULL means sdpx_random_system.
 * Nothing here keeps global state.
 */

/* Negotiation errors (sdpx_answer_create) and answer violations (sdpx_answer_verify). */
enum {
    SDPX_EN_NO_CODEC = -200,          /* no offered codec matches the local capabilities */
    SDPX_EN_PROTO = -201,             /* the section's transport protocol is not supported */
    SDPX_EN_NO_FINGERPRINT = -202,    /* a DTLS section offered without a=fingerprint */
    /* -203 reserved */
    SDPX_EN_KIND = -204,              /* no local capabilities for this media kind */
    SDPX_EN_SETUP = -205,             /* the offered a=setup cannot be answered (holdconn) */
    SDPX_EN_NO_DATA = -206,           /* data channels offered, none supported locally */
    SDPX_EN_LOCAL_FINGERPRINT = -207, /* DTLS needed, the capabilities have no fingerprint */
    SDPX_EN_CAPS = -208,              /* a capabilities description that cannot be read */
    /* -209 reserved */
    /* sdpx_answer_verify findings */
    SDPX_EN_V_SECTIONS = -220,        /* the answer's sections differ in number or kind */
    SDPX_EN_V_MID = -221,             /* an answer section's mid differs from the offer's */
    SDPX_EN_V_CODEC = -222,           /* a payload type the offer did not offer, or remapped */
    SDPX_EN_V_PARTNER = -223,         /* RTX/RED/FEC without its primary codec */
    SDPX_EN_V_FMTP = -224,            /* fmtp parameters incompatible with the offer's */
    SDPX_EN_V_RTCP_FB = -225,         /* rtcp-fb the offer did not offer for that type */
    SDPX_EN_V_EXTMAP = -226,          /* header extension not offered, or with another id */
    SDPX_EN_V_DIRECTION = -227,       /* direction not allowed by RFC 3264 6.1 */
    SDPX_EN_V_SETUP = -228,           /* a=setup not a valid answer to the offered one */
    SDPX_EN_V_ICE = -229,             /* ICE credentials missing or copied from the offer */
    SDPX_EN_V_BUNDLE = -230,          /* BUNDLE names a rejected or unoffered mid */
    SDPX_EN_V_SIMULCAST = -231,       /* simulcast/rid not the mirror of the offer's */
    SDPX_EN_V_SCTP = -232,            /* data channel section not answered in the offer's form */
    SDPX_EN_V_ACCEPTED = -233,        /* a section the offer rejected is accepted */
    SDPX_EN_V_PROTO = -234,           /* the answer's proto differs from the offer's */
    SDPX_EN_V_FINGERPRINT = -235,     /* a DTLS answer section without a fingerprint */
    SDPX_EN_V_RTCP_MUX = -236         /* rtcp-mux answered without being offered */
};

/**
 * Fills `len` bytes at `buf` with random bytes. Returns 0, or a negative
 * code (which the caller passes on).
 */
typedef int (*sdpx_random_fn)(void *ctx, void *buf, size_t len);

/**
 * The default random function: reads the system's entropy source
 * (/dev/urandom, unbuffered). `ctx` is unused. Returns 0, or SDPX_EINVAL
 * when the source cannot be opened or read.
 */
int sdpx_random_system(void *ctx, void *buf, size_t len);

#define SDPX_ICE_UFRAG_CHARS 8 /* 48 random bits; RFC 8839 5.4 asks for at least 24 */
#define SDPX_ICE_PWD_CHARS 24  /* 144 random bits; RFC 8839 5.4 asks for at least 128 */

/**
 * Make fresh ICE credentials (RFC 8839 5.4): SDPX_ICE_UFRAG_CHARS and
 * SDPX_ICE_PWD_CHARS ice-chars (ALPHA / DIGIT / "+" / "/"), each carrying 6
 * random bits, NUL-terminated: `ufrag` holds SDPX_ICE_UFRAG_CHARS + 1 bytes,
 * `pwd` SDPX_ICE_PWD_CHARS + 1. `rnd` NULL: sdpx_random_system. Returns 0 or
 * the random function's error.
 */
int sdpx_ice_credentials_make(sdpx_random_fn rnd, void *ctx, char *ufrag, char *pwd);

/* ---- 10.1 Builder -------------------------------------------------------- */

/**
 * A new session with the JSEP 5.2.1 defaults: v=0, o=- <random 62-bit id> 1
 * IN IP4 127.0.0.1, s=-, t=0 0. `rnd` NULL: sdpx_random_system. Returns 0
 * with *out set (free it with sdpx_session_free), SDPX_ENOMEM, or the
 * random function's error.
 */
int sdpx_session_new(sdpx_random_fn rnd, void *ctx, sdpx_session **out);

/**
 * Append a media section "m=<kind> 9 <proto> <formats>" with c=IN IP4 0.0.0.0
 * (JSEP 5.2.1: the dummy address until candidates come). `formats` NULL
 * writes "webrtc-datachannel" for SCTP protocols; RTP sections need the
 * first payload type here (sdpx_media_add_codec adds the others). Sets *out
 * (if not NULL). SDPX_EINVAL for a kind, proto or format that is no token.
 */
int sdpx_session_add_media(sdpx_session *s, const char *kind, const char *proto,
                           const char *formats, sdpx_media **out);

#define SDPX_CAPS_MAX_FB 16
#define SDPX_CAPS_MAX_CODECS 32
#define SDPX_CAPS_MAX_EXTMAPS 32
#define SDPX_CAPS_MAX_MEDIA 4

/**
 * One local codec. Views point into memory the caller keeps (the
 * capabilities session of sdpx_caps_from_sdp, or string literals through
 * sdpx_str_from).
 */
typedef struct sdpx_caps_codec {
    sdpx_str encoding;          /* "opus", "VP8", "H264", "red", "ulpfec", "telephone-event" */
    uint32_t clock_rate;        /* Hz */
    unsigned channels;          /* 0: not given (means 1) */
    unsigned payload_type;      /* the type offers use; answers keep the offerer's */
    sdpx_str fmtp;              /* local format parameters, empty for none */
    sdpx_str rtcp_fb[SDPX_CAPS_MAX_FB]; /* "nack", "nack pli", "ccm fir", "transport-cc" */
    size_t nrtcp_fb;
    unsigned rtx_payload_type;  /* non-zero: RTX (RFC 4588) supported, offered with this type */
} sdpx_caps_codec;

/** One local header extension (RFC 8285). */
typedef struct sdpx_caps_extmap {
    unsigned id;  /* the id offers use; answers keep the offerer's */
    sdpx_str uri;
} sdpx_caps_extmap;

/** What the local side supports for one media kind. */
typedef struct sdpx_caps_media {
    sdpx_str kind;              /* "audio", "video" */
    sdpx_direction direction;   /* the local wish: sendrecv, recvonly, ... */
    int simulcast;              /* 1: accept receiving simulcast (RFC 8853) */
    sdpx_caps_codec codecs[SDPX_CAPS_MAX_CODECS]; /* in preference order */
    size_t ncodecs;
    sdpx_caps_extmap extmaps[SDPX_CAPS_MAX_EXTMAPS];
    size_t nextmaps;
    sdpx_str simulcast_rids;    /* offers: the streams to receive ("h;~m;l"), empty for none */
} sdpx_caps_media;

/**
 * Local capabilities: a plain struct, filled by hand or by
 * sdpx_caps_from_sdp. Zero-initialise it first.
 */
typedef struct sdpx_caps {
    sdpx_caps_media media[SDPX_CAPS_MAX_MEDIA];
    size_t nmedia;
    int data_channel;           /* 1: SCTP data channels (RFC 8841) */
    uint16_t sctp_port;         /* 0: 5000 */
    uint64_t max_message_size;  /* 0: 262144 */
    sdpx_str fingerprint;       /* "sha-256 AB:CD:..."; needed for DTLS (no crypto here) */
    int ice_lite;               /* 1: write a=ice-lite (RFC 8839 5.3) */
    sdpx_str ice_options;       /* "trickle", empty for none */
    sdpx_setup setup;           /* 0: actpass in offers, active in answers */
} sdpx_caps;

/** A view of a NUL-terminated string (NULL gives an empty view). */
sdpx_str sdpx_str_from(const char *cstr);

/**
 * Read capabilities from a description written like a browser's offer: per
 * audio/video section its codecs (rtpmap, fmtp, rtcp-fb; an RTX type with
 * apt= marks RTX support), extmap lines, direction, and a=simulcast (any)
 * to accept simulcast (its recv list becomes simulcast_rids, which offers
 * ask for with a=rid:<id> recv lines); an application section with a=sctp-port or sctpmap
 * turns data channels on (with max-message-size). At session or media
 * level: a=fingerprint, a=setup, a=ice-lite, a=ice-options. The views point
 * into `caps_sdp`, which must outlive *out. Returns 0, or SDPX_EN_CAPS with
 * *err (if not NULL) naming the line that does not fit (too many codecs,
 * a malformed rtpmap).
 */
int sdpx_caps_from_sdp(const sdpx_session *caps_sdp, sdpx_caps *out, sdpx_error *err);

/**
 * Add a codec to an RTP section in one call: its payload type to the m=
 * line (unless listed), a=rtpmap, a=fmtp when c->fmtp is not empty, one
 * a=rtcp-fb per c->rtcp_fb entry, and with rtx_payload_type its RTX partner
 * (RFC 4588 8: rtpmap rtx/<clock>, fmtp apt=). SDPX_EINVAL for a payload
 * type outside 0-127 or already mapped.
 */
int sdpx_media_add_codec(sdpx_media *m, const sdpx_caps_codec *c);

/**
 * Set the section's a=ice-ufrag and a=ice-pwd (RFC 8839 5.4), adding them
 * when absent. SDPX_EINVAL for values outside 4-256 / 22-256 ice-chars.
 */
int sdpx_media_set_ice_credentials(sdpx_media *m, const char *ufrag, const char *pwd);

/** Add a=sctp-port and (when not 0) a=max-message-size (RFC 8841 5, 6). */
int sdpx_media_set_sctp(sdpx_media *m, uint16_t port, uint64_t max_message_size);

/** Offer options (zero-initialise; NULL means all defaults). */
typedef struct sdpx_offer_options {
    sdpx_random_fn random; /* NULL: sdpx_random_system */
    void *random_ctx;
    const char *proto;     /* RTP sections' proto; NULL: "UDP/TLS/RTP/SAVPF" */
} sdpx_offer_options;

/**
 * Build an offer from capabilities (JSEP 5.2.1): one section per caps media
 * kind and one data channel section when caps->data_channel, each with
 * a=mid "0", "1", ..., fresh ICE credentials (shared: one BUNDLE group over
 * every section), a=setup:actpass (or caps->setup), the caps fingerprint,
 * a=rtcp-mux and a=rtcp-rsize, the codecs with their RTX partners, the
 * extensions, and for a kind with simulcast_rids an a=rid:<id> recv per rid
 * and a=simulcast:recv with the list (RFC 8853 5.2, RFC 8851 4). Returns 0 with *out set, SDPX_EN_LOCAL_FINGERPRINT without a
 * fingerprint for a DTLS proto, SDPX_EINVAL for caps that do not encode,
 * with *err (if not NULL) filled.
 */
int sdpx_offer_create(const sdpx_caps *caps, const sdpx_offer_options *opt, sdpx_session **out,
                      sdpx_error *err);

/* ---- 10.2 Answerer ------------------------------------------------------- */

enum {
    /** Fail the whole answer when a section cannot be accepted, instead of
     *  rejecting that section (port 0) and answering the rest. */
    SDPX_ANSWER_STRICT = 1u << 0
};

/** Answer options (zero-initialise; NULL means all defaults). */
typedef struct sdpx_answer_options {
    unsigned flags;        /* SDPX_ANSWER_* */
    sdpx_setup setup;      /* the answer to actpass: 0 or ACTIVE (JSEP 5.3.1), or PASSIVE */
    sdpx_random_fn random; /* NULL: sdpx_random_system */
    void *random_ctx;
    const char *address;   /* c= and o= address; NULL: "0.0.0.0" (c=) and "127.0.0.1" (o=) */
    unsigned port;         /* m= port of accepted sections; 0: 9 (JSEP 5.3.1) */
    sdpx_diag_fn diag;     /* optional: each rejected section, as a warning with its reason */
    void *diag_ctx;
} sdpx_answer_options;

/**
 * Answer an offer (RFC 3264 6, JSEP 5.3.1): one section per offered
 * section, in order, with its mid; codecs intersected keeping the offerer's
 * payload types and order (RTX, RED and FEC only with their primary), fmtp
 * matched per codec (H.264 profile and packetization-mode with the lower
 * level, VP9 profile-id, AV1 profile, H.265 profile and tier), rtcp-fb and
 * extmap intersected keeping offered ids, direction by RFC 3264 6.1 and the
 * local wish, setup actpass -> active, fresh ICE credentials, rtcp-mux,
 * BUNDLE over the accepted mids, simulcast mirrored, SCTP in the offer's
 * form. A section that cannot be accepted is rejected (port 0, mid kept, out
 * of BUNDLE) and reported through opt->diag, or with SDPX_ANSWER_STRICT fails
 * the answer. Returns 0 with *answer set, or an SDPX_EN_* code (or
 * SDPX_ENOMEM) with *err (if not NULL) naming the section and the reason:
 * `m=1 (mid "1"): no common codec`.
 */
int sdpx_answer_create(const sdpx_session *offer, const sdpx_caps *caps,
                       const sdpx_answer_options *opt, sdpx_session **answer, sdpx_error *err);

/**
 * Check an answer against its offer, the answerer's rules run the other way:
 * report through `fn` (may be NULL) every violation as an error with an
 * SDPX_EN_V_* code, the answer's line (0 when the problem is a missing
 * line) and a message naming the section. Returns the number of findings
 * (0: the answer is a valid answer to the offer), or SDPX_ENOMEM.
 */
int sdpx_answer_verify(const sdpx_session *offer, const sdpx_session *answer, sdpx_diag_fn fn,
                       void *ctx);

/* ===================================================================== */
/* 11. Session diff and JSEP signaling state                             */
/* ===================================================================== */

/** What changed between two descriptions (sdpx_session_diff). Numbers are stable. */
typedef enum sdpx_change_kind {
    SDPX_CHANGE_SESSION_ID = 1,     /* o= sess-id differs: another session (RFC 3264 8) */
    SDPX_CHANGE_VERSION_BUMPED,     /* o= sess-version increased */
    SDPX_CHANGE_VERSION_NOT_BUMPED, /* lines changed, sess-version did not increase (RFC 3264 8) */
    SDPX_CHANGE_BUNDLE,             /* the a=group:BUNDLE value (RFC 8843) */
    SDPX_CHANGE_ICE_LITE,           /* a=ice-lite added or removed */
    SDPX_CHANGE_MEDIA_ADDED,        /* a section past the old ones */
    SDPX_CHANGE_MEDIA_REMOVED,      /* a section gone (JSEP never removes one, RFC 9429 5.2.2) */
    SDPX_CHANGE_MEDIA_RECYCLED,     /* same position, another mid (RFC 9429 5.2.2) */
    SDPX_CHANGE_MEDIA_REJECTED,     /* port became 0 (not a bundle-only section, RFC 8843 6) */
    SDPX_CHANGE_MEDIA_ACCEPTED,     /* a rejected section is live again, same mid */
    SDPX_CHANGE_MEDIA_KIND,         /* m= media ("audio") */
    SDPX_CHANGE_PROTO,              /* m= proto */
    SDPX_CHANGE_ICE_RESTART,        /* ice-ufrag or ice-pwd changed (RFC 8839 4.4.1.1.1) */
    SDPX_CHANGE_FINGERPRINT,        /* the DTLS fingerprints (RFC 8122 5) */
    SDPX_CHANGE_SETUP,              /* the a=setup role (RFC 8842 5) */
    SDPX_CHANGE_DIRECTION,          /* the direction in force (RFC 8866 6.7) */
    SDPX_CHANGE_CODEC_ADDED,        /* a payload type new to the m= line */
    SDPX_CHANGE_CODEC_REMOVED,      /* a payload type gone from the m= line */
    SDPX_CHANGE_CODEC_CHANGED,      /* same payload type, other rtpmap or fmtp */
    SDPX_CHANGE_CODEC_ORDER,        /* the payload types kept are in another order */
    SDPX_CHANGE_EXTMAP_ADDED,       /* an extmap id new to the section (RFC 8285) */
    SDPX_CHANGE_EXTMAP_REMOVED,     /* an extmap id gone */
    SDPX_CHANGE_EXTMAP_CHANGED,     /* same id, other URI or direction */
    SDPX_CHANGE_SIMULCAST,          /* the a=simulcast value (RFC 8853) */
    SDPX_CHANGE_RID                 /* an a=rid line, compared in order (RFC 8851) */
} sdpx_change_kind;

/** sdpx_change.section for a session-level change. */
#define SDPX_CHANGE_SESSION_LEVEL ((size_t)-1)

/**
 * One change. The views point into the two sessions (or at static text such
 * as "sendonly") and are valid during the callback only; an empty view
 * means "none on that side". old_text/new_text hold: the sess-id, the
 * sess-version, the BUNDLE mids, the simulcast value, the m= value (added/removed),
 * the mids (recycled), the ports (rejected/accepted), the media or proto,
 * the ice-ufrag (equal when only the password changed: passwords are never
 * reported), the fingerprint value, the setup or direction names, the
 * rtpmap (or, without one, the payload type) and for changed codecs the
 * differing rtpmap or fmtp value, the formats (order), the extmap value, the
 * rid value.
 */
typedef struct sdpx_change {
    sdpx_change_kind kind;
    size_t section;    /* 0-based media section, or SDPX_CHANGE_SESSION_LEVEL */
    sdpx_str mid;      /* the section's mid (the new one's, else the old one's); may be empty */
    sdpx_str old_text;
    sdpx_str new_text;
} sdpx_change;

/** Receives one change of sdpx_session_diff; `c` is valid during the call. */
typedef void (*sdpx_change_fn)(void *ctx, const sdpx_change *c);

/**
 * Compare two descriptions of one peer (an offer and the re-offer that
 * follows it, say) and report each change through `fn` (may be NULL):
 * session-level ones first, then section by section (paired by position)
 * in the order of sdpx_change_kind. A recycled, rejected or accepted section
 * reports only that. The sess-version verdict (bumped / not bumped) is given
 * when the sess-ids match. Allocates nothing; time linear in the lines of
 * both. Returns the number of changes, or SDPX_EINVAL for a NULL session.
 */
int sdpx_session_diff(const sdpx_session *old_s, const sdpx_session *new_s, sdpx_change_fn fn,
                      void *ctx);

/** The name of a change kind ("ice-restart"), or NULL for values outside the enum. */
const char *sdpx_change_kind_name(sdpx_change_kind kind);

/** JSEP signaling states (RFC 9429 3.2, W3C RTCSignalingState). */
typedef enum sdpx_jsep_state {
    SDPX_JSEP_STABLE = 0,
    SDPX_JSEP_HAVE_LOCAL_OFFER,
    SDPX_JSEP_HAVE_REMOTE_OFFER,
    SDPX_JSEP_HAVE_LOCAL_PRANSWER,
    SDPX_JSEP_HAVE_REMOTE_PRANSWER
} sdpx_jsep_state;

/** The type of a description handed to the tracker (RFC 9429 4.1.8). */
typedef enum sdpx_sdp_type {
    SDPX_SDP_OFFER = 1,
    SDPX_SDP_PRANSWER,
    SDPX_SDP_ANSWER,
    SDPX_SDP_ROLLBACK
} sdpx_sdp_type;

/** Which description of a tracker to read (W3C current/pending descriptions). */
typedef enum sdpx_jsep_which {
    SDPX_JSEP_CURRENT_LOCAL = 0,
    SDPX_JSEP_PENDING_LOCAL,
    SDPX_JSEP_CURRENT_REMOTE,
    SDPX_JSEP_PENDING_REMOTE
} sdpx_jsep_which;

/**
 * A JSEP signaling state tracker: one per peer connection. Fields are
 * private; initialise with sdpx_jsep_init. It owns the descriptions it
 * accepted (at most four) and frees them when they are replaced, rolled
 * back, or at sdpx_jsep_reset. Allocates nothing itself.
 */
typedef struct sdpx_jsep {
    sdpx_jsep_state state;
    sdpx_session *desc[4]; /* indexed by sdpx_jsep_which */
} sdpx_jsep;

/** Start a tracker in the stable state with no descriptions (NULL: nothing happens). */
void sdpx_jsep_init(sdpx_jsep *j);

/** Free every description the tracker holds and go back to stable. */
void sdpx_jsep_reset(sdpx_jsep *j);

/**
 * Apply setLocalDescription (`remote` 0) or setRemoteDescription (`remote`
 * 1) of `type` with `desc` (ignored, may be NULL, for SDPX_SDP_ROLLBACK).
 * The step must be allowed in the current state (RFC 9429 3.2; rollback
 * only from have-local-offer / have-remote-offer, as in W3C webrtc-pc
 * 4.4.1.5), else SDPX_EJSEP_STATE. An answer or pranswer must answer the
 * pending offer: as many sections, the same mids and media kinds in the
 * same order, offered port-0 sections still rejected, no a=setup:actpass,
 * BUNDLE only over offered-bundled mids (RFC 3264 6, RFC 9429 5.3.1,
 * RFC 8842 5.2, RFC 8843 7.3). A description that follows an earlier one
 * of the same side keeps its sess-id and bumps its sess-version when
 * anything changed (RFC 3264 8); a re-offer keeps every section of the
 * previous one and each live section's mid (RFC 9429 5.2.2). On success
 * returns 0, moves to the next state and owns `desc`; on failure returns
 * the SDPX_EJSEP_* code with err (if not NULL) saying which section and
 * why, changes nothing, and the caller keeps `desc`.
 */
int sdpx_jsep_set(sdpx_jsep *j, int remote, sdpx_sdp_type type, sdpx_session *desc,
                  sdpx_error *err);

/** The current state (stable for NULL). */
sdpx_jsep_state sdpx_jsep_get_state(const sdpx_jsep *j);

/** A description the tracker holds, or NULL when there is none. */
const sdpx_session *sdpx_jsep_description(const sdpx_jsep *j, sdpx_jsep_which which);

/** "stable", "have-local-offer", ... (the W3C names), or NULL outside the enum. */
const char *sdpx_jsep_state_name(sdpx_jsep_state s);

/** "offer", "pranswer", "answer", "rollback", or NULL outside the enum. */
const char *sdpx_sdp_type_name(sdpx_sdp_type t);

#ifdef __cplusplus
}
#endif

#endif /* SDPX_SDP_H */
