/* The view layer (src/view/): read-only views over a parsed session that
 * combine several lines: the codec view, the scoped accessors (a media value,
 * else the session's) and the cross-line semantic pass. What it offers the
 * layers above: the payload type of a line and the RTP formats of a section.
 * Not installed. */
#ifndef SDPX_VIEW_H
#define SDPX_VIEW_H

#include "core.h"

/* The payload type (0-127) in the first field of an attribute value (rtpmap,
 * fmtp, rtcp-fb), or -1 ("*", undecodable). codec.c */
int sdpxi_line_pt(const sdpx_line *l);

/* A media section's m= formats when its proto carries RTP ("RTP/" in it),
 * else an empty view. codec.c */
sdpx_str sdpxi_rtp_formats(const sdpx_media *m);

/* All codecs of a media section at once, as sdpx_media_codec gives them one
 * by one: out[0 .. *n) for its *n m= formats, in one pass over its lines
 * that decodes each rtpmap and fmtp once and builds no index. 0, or
 * SDPX_ENOTFOUND when it has no RTP formats or more than cap, SDPX_EVALUE
 * when a format is not a payload type. codec.c */
int sdpxi_media_codecs(const sdpx_media *m, sdpx_codec *out, size_t cap, size_t *n);

/* The first media-level line of `kind` in m, else the first session-level one. scoped.c */
const sdpx_line *sdpxi_scoped_attr(const sdpx_media *m, sdpx_attr_kind kind);

/* A well-known parameter of `encoding` in an fmtp's `params` that breaks its
 * payload format's RFC: SDPX_EVALUE with *at (the offending value) and msg
 * set, else 0. codec_rules.c */
int sdpxi_codec_param_error(sdpx_str encoding, sdpx_str params, sdpx_str *at, char *msg,
                            size_t cap);

#endif
