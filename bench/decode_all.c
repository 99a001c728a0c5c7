/* The decoding pass both sdpbench.c and scaling.c measure, in a file of its
 * own so that scaling.c needs nothing from sdpbench.c (the program's main
 * calls into scaling.c, never the other way). */
#include "sdpbench.h"

/* Every known attribute of every line through its typed decoder. */
unsigned sdpbench_validate_all(const sdpx_session *s)
{
    unsigned bad = 0;
    for (size_t i = 0; i < sdpx_session_line_count(s); i++) {
        const sdpx_line *l = sdpx_session_line(s, i);
        if (sdpx_line_type(l) == 'a' && sdpx_attr_validate(l, NULL) != 0)
            bad++;
    }
    for (size_t m = 0; m < sdpx_session_media_count(s); m++) {
        const sdpx_media *md = sdpx_session_media(s, m);
        for (size_t i = 0; i < sdpx_media_line_count(md); i++) {
            const sdpx_line *l = sdpx_media_line(md, i);
            if (sdpx_line_type(l) == 'a' && sdpx_attr_validate(l, NULL) != 0)
                bad++;
        }
    }
    return bad;
}
