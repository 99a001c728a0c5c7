#!/bin/sh
# Emit the #defines sdpbench uses to know which optional APIs include/sdp.h
# declares so far (the candidate decoder, the remove-codec edit), and in
# which form. Usage: features.sh include/sdp.h > bench_features.h
h=$(tr '\n\t' '  ' < "$1" | tr -s ' ')
id='[A-Za-z_][A-Za-z0-9_]*'
has() { printf '%s' "$h" | grep -Eq "$1"; }
echo "/* Generated from include/sdp.h by bench/features.sh; do not edit. */"
if has "int sdpx_candidate_parse ?\\(const char \\*$id, size_t $id, sdpx_candidate \\*$id\\)"; then
    echo "#define SDPXB_CANDIDATE_PTRLEN 1"
elif has "int sdpx_candidate_parse ?\\(sdpx_str $id, sdpx_candidate \\*$id\\)"; then
    echo "#define SDPXB_CANDIDATE_STR 1"
elif has "sdpx_candidate_parse ?\\("; then
    echo "#define SDPXB_CANDIDATE_OTHER 1"
fi
if has "int sdpx_media_remove_codec ?\\(sdpx_media \\*$id, const char \\*$id, const char \\*$id\\)"; then
    echo "#define SDPXB_REMOVE_CODEC_CSTR_MATCH 1"
elif has "int sdpx_media_remove_codec ?\\(sdpx_media \\*$id, const char \\*$id\\)"; then
    echo "#define SDPXB_REMOVE_CODEC_CSTR 1"
elif has "int sdpx_media_remove_codec ?\\(sdpx_media \\*$id, sdpx_str $id\\)"; then
    echo "#define SDPXB_REMOVE_CODEC_STR 1"
elif has "sdpx_media_remove_codec ?\\("; then
    echo "#define SDPXB_REMOVE_CODEC_OTHER 1"
fi
