"""sdpx: parse, inspect, edit and write SDP (RFC 8866) for WebRTC and SIP.

A thin Pythonic layer over the sdpx C library (through cffi)::

    import sdpx
    s = sdpx.parse(text)            # str or bytes; raises sdpx.ParseError
    s.origin.session_version, s.name, s.timing, s.attributes
    m = s.media[0]
    m.kind, m.port, m.proto, m.formats, m.mid
    str(s) == text                  # lossless writer; s.to_bytes()

Every typed C struct has a frozen dataclass counterpart; objects keep their
session alive, and no C handle outlives the call that read it.
"""

from ._base import (AttrKind, Code, Diagnostic, EditError, Error, ParseError, code_name,
                    ffi as _ffi, lib as _lib, strerror)
from ._lines import (Attribute, Bandwidth, Connection, Key, Line, MLine, Origin, Repeat, Timing,
                     Token, ZoneAdjustment, attr_kind, parse_bandwidth, parse_connection,
                     parse_key, parse_mline, parse_origin, parse_repeat, parse_timing,
                     parse_typed_time, parse_zones, tokenize)
from ._session import Limits, Media, MediaList, Session, check, parse
from typing import TYPE_CHECKING

from . import _attrs, _session
from ._base import AddrFamily, has as _has

__all__: list = []

# Typed attributes (sdp.h section 6): each decoder is exported when the C
# library it was built against has it.
_ATTR_DECODERS = {
    "parse_candidate": "sdpx_candidate_parse_err", "address_family": "sdpx_address_family",
    "parse_remote_candidates": "sdpx_remote_candidate_next",
    "parse_ice_ufrag": "sdpx_ice_ufrag_parse", "parse_ice_pwd": "sdpx_ice_pwd_parse",
    "parse_ice_options": "sdpx_ice_options_next", "ice_options_has": "sdpx_ice_options_has",
    "parse_ice_pacing": "sdpx_ice_pacing_parse",
    "parse_fingerprint": "sdpx_fingerprint_parse", "parse_setup": "sdpx_setup_parse",
    "parse_tls_id": "sdpx_tls_id_parse", "parse_crypto": "sdpx_crypto_parse",
    "parse_sctp_port": "sdpx_sctp_port_parse",
    "parse_max_message_size": "sdpx_max_message_size_parse",
    "parse_sctpmap": "sdpx_sctpmap_parse", "parse_group": "sdpx_group_parse",
    "parse_mid": "sdpx_mid_parse", "parse_rtpmap": "sdpx_rtpmap_parse",
    "parse_fmtp": "sdpx_fmtp_parse", "parse_params": "sdpx_param_next",
    "parse_rtcp_fb": "sdpx_rtcp_fb_parse", "parse_direction": "sdpx_direction_parse",
    "parse_extmap": "sdpx_extmap_parse", "parse_rtcp": "sdpx_rtcp_parse",
    "parse_decimal": "sdpx_decimal_parse", "parse_quality": "sdpx_quality_parse",
    "parse_ssrc": "sdpx_ssrc_parse", "parse_ssrc_group": "sdpx_ssrc_group_parse",
    "parse_msid": "sdpx_msid_parse", "parse_msid_semantic": "sdpx_msid_semantic_parse",
    "parse_rid": "sdpx_rid_parse", "parse_simulcast": "sdpx_simulcast_parse",
    "static_payload_type": "sdpx_static_payload_type",
    "write_fragment": "sdpx_fragment_write", "hash_len": "sdpx_hash_len",
    "attr_kind_name": "sdpx_attr_kind_name", "split_attribute": "sdpx_attr_split",
}
for _py, _c in _ATTR_DECODERS.items():
    if _has(_c):
        globals()[_py] = getattr(_attrs, _py)
        __all__.append(_py)
if hasattr(_session, "parse_fragment"):
    parse_fragment = _session.parse_fragment
    __all__.append("parse_fragment")
if hasattr(_session, "from_json"):  # JSON in sdp-transform's shape
    from_json, from_dict = _session.from_json, _session.from_dict
    __all__ += ["from_json", "from_dict"]

from ._attrs import (ApplyResult, Candidate, Codec, Crypto, CryptoKey, Decimal,  # noqa: E402
                     Extmap, Fingerprint, Fmtp, FragmentSection, Group, Msid, MsidSemantic,
                     RemoteCandidate, Rid, Rtcp, RtcpFb, Rtpmap, Sctpmap, Simulcast,
                     SimulcastRid, Ssrc, SsrcGroup)

if TYPE_CHECKING:  # the names exported above at run time, for type checkers
    from ._attrs import (address_family, attr_kind_name, hash_len, ice_options_has,  # noqa: F401
                         parse_candidate, parse_crypto, parse_decimal, parse_direction,
                         parse_extmap, parse_fingerprint, parse_fmtp, parse_group,
                         parse_ice_options, parse_ice_pacing, parse_ice_pwd, parse_ice_ufrag,
                         parse_max_message_size, parse_mid, parse_msid, parse_msid_semantic,
                         parse_params, parse_quality, parse_remote_candidates, parse_rid,
                         parse_rtcp, parse_rtcp_fb, parse_rtpmap, parse_sctp_port,
                         parse_sctpmap, parse_setup, parse_simulcast, parse_ssrc,
                         parse_ssrc_group, parse_tls_id, split_attribute,
                         static_payload_type, write_fragment)
    from ._session import from_dict, from_json, parse_fragment  # noqa: F401

# Session diff and the JSEP state tracker (sdp.h section 9).
from ._diff import Change, JsepError, JsepTracker, diff  # noqa: E402

__all__ += ["Change", "JsepError", "JsepTracker", "diff"]

__version__ = "0.1.0"


def version() -> str:
    """The C library's version string at run time (``sdpx_version``)."""
    return _ffi.string(_lib.sdpx_version()).decode("ascii")


__all__ += [
    "AddrFamily", "ApplyResult", "Candidate", "Codec", "Crypto", "CryptoKey", "Decimal",
    "Extmap", "Fingerprint", "Fmtp", "FragmentSection", "Group", "Msid", "MsidSemantic",
    "RemoteCandidate", "Rid",
    "Rtcp", "RtcpFb", "Rtpmap", "Sctpmap", "Simulcast", "SimulcastRid", "Ssrc", "SsrcGroup",
    "AttrKind", "Attribute", "Bandwidth", "Code", "Connection", "Diagnostic", "EditError",
    "Error", "Key", "Limits", "Line", "MLine", "Media", "MediaList", "Origin", "ParseError",
    "Repeat", "Session", "Timing", "Token", "ZoneAdjustment", "attr_kind", "check",
    "code_name", "parse", "parse_bandwidth", "parse_connection", "parse_key", "parse_mline",
    "parse_origin", "parse_repeat", "parse_timing", "parse_typed_time", "parse_zones",
    "strerror", "tokenize", "version",
]

# Negotiation (sdp.h section 9): capabilities, offers, answers, verification,
# and the builder (Session.new, Session.add_section, Media.add_codec, ...).
if _has("sdpx_answer_create"):
    from ._nego import (Caps, NegotiationError, answer, ice_credentials, offer,  # noqa: E402
                        verify_answer)
    __all__ += ["Caps", "NegotiationError", "answer", "ice_credentials", "offer", "verify_answer"]
