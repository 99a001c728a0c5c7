"""sdpx: parse, inspect, edit and write SDP (RFC 8866) for WebRTC and SIP.

A thin Pythonic layer over the sdpx C library (through cffi)::

    import sdpx
    s = sdpx.parse(text)            # str or bytes; raises sdpx.ParseError
    int(s.origin.sess_version), s.name, s.timing, s.attributes
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
from ._session import (Limits, Media, MediaList, Session, check, from_dict, from_json, parse,
                       parse_fragment)
from ._base import AddrFamily
from ._attrs import (ApplyResult, Candidate, Codec, Crypto, CryptoKey, Decimal, Extmap,
                     Fingerprint, Fmtp, FragmentSection, Group, Msid, MsidSemantic,
                     RemoteCandidate, Rid, Rtcp, RtcpFb, Rtpmap, Sctpmap, Simulcast,
                     SimulcastRid, Ssrc, SsrcGroup)
# Typed attribute decoders and encoders (sdp.h section 6): the package ships
# with its library, so every one is there.
from ._attrs import (address_family, attr_kind_name, hash_len, ice_options_has,
                     parse_candidate, parse_crypto, parse_decimal, parse_direction,
                     parse_extmap, parse_fingerprint, parse_fmtp, parse_group,
                     parse_ice_options, parse_ice_pacing, parse_ice_pwd, parse_ice_ufrag,
                     parse_max_message_size, parse_mid, parse_msid, parse_msid_semantic,
                     parse_params, parse_quality, parse_remote_candidates, parse_rid,
                     parse_rtcp, parse_rtcp_fb, parse_rtpmap, parse_sctp_port,
                     parse_sctpmap, parse_setup, parse_simulcast, parse_ssrc,
                     parse_ssrc_group, parse_tls_id, split_attribute,
                     static_payload_type, write_fragment)

# Session diff and the JSEP state tracker (sdp.h section 11).
from ._diff import Change, JsepError, JsepTracker, diff

__version__ = "0.1.0"


def version() -> str:
    """The C library's version string at run time (``sdpx_version``)."""
    return _ffi.string(_lib.sdpx_version()).decode("ascii")


__all__ = [
    "address_family", "attr_kind_name", "hash_len", "ice_options_has", "parse_candidate",
    "parse_crypto", "parse_decimal", "parse_direction", "parse_extmap", "parse_fingerprint",
    "parse_fmtp", "parse_group", "parse_ice_options", "parse_ice_pacing", "parse_ice_pwd",
    "parse_ice_ufrag", "parse_max_message_size", "parse_mid", "parse_msid",
    "parse_msid_semantic", "parse_params", "parse_quality", "parse_remote_candidates",
    "parse_rid", "parse_rtcp", "parse_rtcp_fb", "parse_rtpmap", "parse_sctp_port",
    "parse_sctpmap", "parse_setup", "parse_simulcast", "parse_ssrc", "parse_ssrc_group",
    "parse_tls_id", "split_attribute", "static_payload_type", "write_fragment",
    "parse_fragment", "from_json", "from_dict",
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
    "Change", "JsepError", "JsepTracker", "diff",
]

# Leniency profiles accepted by parse(profile=...) (docs/grammar.md).
from ._session import PROFILES  # noqa: E402
__all__.append("PROFILES")

# Negotiation (sdp.h section 10): capabilities, offers, answers, verification,
# and the builder (Session.new, Session.add_section, Media.add_codec, ...).
from ._nego import (Caps, NegotiationError, answer, ice_credentials, offer,  # noqa: E402
                    verify_answer)
__all__ += ["Caps", "NegotiationError", "answer", "ice_credentials", "offer", "verify_answer"]
