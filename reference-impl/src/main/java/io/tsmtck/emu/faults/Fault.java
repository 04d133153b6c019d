package io.tsmtck.emu.faults;

import java.util.List;

/**
 * One deliberate defect the reference implementation can be built with. Each breaks exactly one
 * rule of the kit, at the place where the correct code enforces it, so that the kit's self-test can
 * show every rule failing against its fault. The constant's javadoc says what breaks.
 */
public enum Fault {
    /** TDISP: LOCK is answered with LOCK_INTERFACE_RESPONSE and a nonce, but the TDI stays CONFIG_UNLOCKED. */
    TDISP_LOCK_ANSWERED_NOT_APPLIED("TDISP-53"),
    /** TDISP: LOCK succeeds although the TDI is not CONFIG_UNLOCKED. */
    TDISP_LOCK_ANY_STATE("TDISP-01"),
    /** TDISP: a LOCK refused in CONFIG_LOCKED still forgets the lock's nonce, so START cannot follow. */
    TDISP_REFUSED_LOCK_DROPS_NONCE("TDISP-01"),
    /** TDISP: GET_TDISP_CAPABILITIES is refused with INVALID_INTERFACE_STATE while the TDI is in ERROR. */
    TDISP_CAPS_REFUSED_IN_ERROR("TDISP-45"),
    /** TDISP: GET_TDISP_VERSION moves the TDI back to CONFIG_UNLOCKED (spdm-emu's deviation). */
    TDISP_VERSION_RESETS_TDI("TDISP-45"),
    /** TDISP: GET_DEVICE_INTERFACE_REPORT is answered in CONFIG_UNLOCKED and ERROR (spdm-emu's deviation). */
    TDISP_REPORT_ANY_STATE("TDISP-02"),
    /** TDISP: after a STOP, GET_DEVICE_INTERFACE_REPORT is answered with the report of the lock the STOP ended. */
    TDISP_REPORT_SERVED_AFTER_STOP("TDISP-02"),
    /** TDISP: GET_DEVICE_INTERFACE_REPORT is refused with INVALID_INTERFACE_STATE in RUN. */
    TDISP_REPORT_REFUSED_IN_RUN("TDISP-46"),
    /** TDISP: a report portion is as long as the device likes, whatever LENGTH the request asked for. */
    TDISP_REPORT_PORTION_OVER_LENGTH("TDISP-18"),
    /** TDISP: START succeeds with any nonce. */
    TDISP_START_IGNORES_NONCE("TDISP-04"),
    /** TDISP: START compares only the first 16 of the nonce's 32 bytes (a length slip a real device could have). */
    TDISP_NONCE_PARTLY_COMPARED("TDISP-04"),
    /** TDISP: every LOCK of a TDI issues the same nonce, so a nonce of an earlier lock cycle starts it. */
    TDISP_NONCE_REUSED("TDISP-06"),
    /** TDISP: STOP in CONFIG_UNLOCKED answers INVALID_INTERFACE_STATE (spdm-emu's deviation). */
    TDISP_STOP_UNLOCKED_REFUSED("TDISP-08"),
    /** TDISP: STOP of one TDI stops every TDI of the device. */
    TDISP_STOP_STOPS_EVERY_TDI("TDISP-47"),
    /** TDISP: STOP leaves an ERROR TDI in ERROR. */
    TDISP_STOP_KEEPS_ERROR("TDISP-09"),
    /** TDISP: a request for an interface the device does not host is served by another TDI. */
    TDISP_UNKNOWN_INTERFACE_SERVED("TDISP-10"),
    /** TDISP: a wrong TDISPVersion is accepted. */
    TDISP_VERSION_NOT_CHECKED("TDISP-11"),
    /** TDISP: an unknown request code gets INVALID_REQUEST instead of UNSUPPORTED_REQUEST. */
    TDISP_UNSUPPORTED_AS_INVALID("TDISP-12"),
    /** TDISP: a request longer than its layout is served. */
    TDISP_LENGTH_NOT_CHECKED("TDISP-13"),
    /** TDISP: a request shorter than its layout is served as if zeros followed it. */
    TDISP_SHORT_REQUEST_PADDED("TDISP-13"),
    /** TDISP: LOCK does not check that IDE keys were programmed. */
    TDISP_LOCK_WITHOUT_KEYS("TDISP-14"),
    /** TDISP: MMIO_REPORTING_OFFSET is ignored in the report (spdm-emu's deviation). */
    TDISP_REPORT_IGNORES_OFFSET("TDISP-17"),
    /** TDISP: the report is missing the last BAR. */
    TDISP_REPORT_MISSES_BAR("TDISP-16"),
    /** TDISP: TDISP in plaintext (outside a session) is answered. */
    TDISP_PLAINTEXT_ANSWERED("TDISP-19"),
    /** TDISP: clearing Memory Space Enable on a locked TDI does not move it to ERROR. */
    TDISP_MSE_CLEAR_NO_ERROR("TDISP-20"),
    /** TDISP: clearing Bus Master Enable on a locked TDI does not move it to ERROR. */
    TDISP_BME_CLEAR_NO_ERROR("TDISP-21"),
    /** TDISP: a BAR write on a locked TDI does not move it to ERROR. */
    TDISP_BAR_WRITE_NO_ERROR("TDISP-22"),
    /** TDISP: an FLR does not move a locked TDI to ERROR. */
    TDISP_FLR_NO_ERROR("TDISP-26"),
    /** TDISP: a PF FLR does not reach the locked TDIs of its VFs. */
    TDISP_PF_FLR_SPARES_VFS("TDISP-28"),
    /** TDISP: an FLR of PF0 also resets the device's other physical functions, not only its VFs. */
    TDISP_PF_FLR_HITS_OTHER_PFS("TDISP-28"),
    /** TDISP: a write to an allowed register (cache line size) moves a locked TDI to ERROR. */
    TDISP_ALLOWED_WRITE_ERRORS("TDISP-29"),
    /** TDISP: clearing write-1-to-clear Status bits of a locked TDI's function moves it to ERROR. */
    TDISP_STATUS_CLEAR_ERRORS("TDISP-29"),
    /** TDISP: any Link Control write to a locked TDI's function moves it to ERROR. */
    TDISP_LINK_CONTROL_WRITE_ERRORS("TDISP-29"),
    /** TDISP: any Command or Device Control write to a locked TDI's function, its own value too, moves it to ERROR. */
    TDISP_REWRITE_ERRORS("TDISP-29"),
    /** TDISP: the IDE stream going insecure leaves locked TDIs as they are. */
    TDISP_STREAM_INSECURE_NO_ERROR("TDISP-30"),
    /** TDISP: the end of the SPDM session leaves its locked TDIs as they are. */
    TDISP_SESSION_END_NO_ERROR("TDISP-31"),
    /** TDISP: the end of any SPDM session, not only the one that locked it, moves a locked TDI to ERROR. */
    TDISP_ANY_SESSION_END_ERRORS("TDISP-31"),
    /** IDE_KM: the end of one SPDM session forgets the IDE keys programmed over every session. */
    IDEKM_SESSION_END_FORGETS_EVERY_KEY("TDISP-31"),
    /** TDISP: a power transition that loses the function's state leaves its locked TDI as it is. */
    TDISP_POWER_LOSS_NO_ERROR("TDISP-33"),
    /** TDISP: a poisoned TLP leaves the locked TDI as it is. */
    TDISP_POISON_NO_ERROR("TDISP-34"),
    /** TDISP: a conventional reset leaves TDIs in their state. */
    TDISP_RESET_KEEPS_STATE("TDISP-32"),
    /** TDISP: a failed SET_MMIO_ATTRIBUTE moves the TDI to ERROR. */
    TDISP_SET_MMIO_FAILURE_CHANGES_STATE("TDISP-39"),
    /** TDISP: SET_MMIO_ATTRIBUTE of a whole updatable range is refused (an off-by-one in the page check). */
    TDISP_SET_MMIO_WHOLE_RANGE_REFUSED("TDISP-49"),
    /** TDISP: SET_MMIO_ATTRIBUTE of a range not marked IS_MEM_ATTR_UPDATABLE is accepted. */
    TDISP_SET_MMIO_NOT_UPDATABLE_OK("TDISP-39"),
    /** TDISP: SET_MMIO_ATTRIBUTE for more pages than the range has is accepted. */
    TDISP_SET_MMIO_PAGES_UNCHECKED("TDISP-39"),
    /** TDISP: TDISP_CAPABILITIES does not advertise every mandatory request. */
    TDISP_CAPS_MISS_MANDATORY("TDISP-35"),
    /** TDISP: START is accepted outside CONFIG_LOCKED. */
    TDISP_START_ANY_STATE("TDISP-03"),
    /** TDISP: START with the right nonce is answered but the TDI stays CONFIG_LOCKED. */
    TDISP_START_NO_RUN("TDISP-05"),
    /** TDISP: a START with the wrong nonce destroys the nonce, so the retry fails. */
    TDISP_WRONG_NONCE_DESTROYS("TDISP-07"),
    /** TDISP: DEVICE_INTERFACE_REPORT always says REMAINDER_LENGTH 0. */
    TDISP_REPORT_REMAINDER_WRONG("TDISP-18"),
    /** TDISP: an FLR sends a CONFIG_UNLOCKED TDI to ERROR. */
    TDISP_FLR_ERRORS_UNLOCKED("TDISP-27"),
    /** TDISP: BIND_P2P, UNBIND_P2P and SET_MMIO_ATTRIBUTE are served outside RUN. */
    TDISP_P2P_ANY_STATE("TDISP-36"),
    /** TDISP: UNBIND_P2P of a stream that was never bound succeeds. */
    TDISP_UNBIND_P2P_UNKNOWN_OK("TDISP-37", "TDISP-48"),
    /** TDISP: BIND_P2P_STREAM is refused with INVALID_REQUEST whatever it names (a device that cannot bind). */
    TDISP_P2P_BIND_REFUSED("TDISP-48"),
    /** TDISP: UNBIND_P2P_STREAM answers success but keeps the stream bound. */
    TDISP_UNBIND_P2P_KEEPS_STREAM("TDISP-48"),
    /** TDISP: BIND_P2P of the default stream succeeds. */
    TDISP_P2P_DEFAULT_STREAM_OK("TDISP-38"),
    /** TDISP: BIND_P2P_STREAM accepts a stream whose IDE keys are missing. */
    TDISP_P2P_KEYS_UNCHECKED("TDISP-38"),
    /** TDISP: BIND_P2P_STREAM accepts a stream whose IDE keys were programmed over another SPDM session. */
    TDISP_P2P_KEYS_ANY_SESSION("TDISP-38"),
    /** IDE: a stream counts as keyed when one of its six sub-streams has a key (LOCK and BIND_P2P). */
    IDE_KEYS_ONE_LANE_ENOUGH("TDISP-14", "TDISP-38"),
    /** TDISP: responses carry INTERFACE_ID 0 instead of the request's. */
    TDISP_RESPONSE_WRONG_INTERFACE("TDISP-40"),
    /** TDISP: every response carries the DSM's (PF0's) INTERFACE_ID, whichever function was asked. */
    TDISP_RESPONSE_DSM_INTERFACE("TDISP-40"),
    /** TDISP: the error to a malformed request names INTERFACE_ID 0 instead of the request's. */
    TDISP_MALFORMED_REPLY_INTERFACE_ZERO("TDISP-40"),
    /** TDISP: responses set the reserved header byte. */
    TDISP_RESPONSE_RESERVED_SET("TDISP-41"),
    /** TDISP: TDISP_CAPABILITIES sets LOCK_INTERFACE_FLAGS_SUPPORTED bit 5 and the REQ_MSGS_SUPPORTED bit of 0x8C. */
    TDISP_CAPS_RESERVED_BITS_SET("TDISP-41"),
    /** TDISP: REQ_MSGS_SUPPORTED leaves out VDM_REQUEST, which the device still serves. */
    TDISP_CAPS_HIDE_SERVED_VDM("TDISP-52"),
    /** TDISP: SET_MMIO_ATTRIBUTE is advertised but answered UNSUPPORTED_REQUEST. */
    TDISP_ADVERTISED_SET_MMIO_UNSUPPORTED("TDISP-52"),
    /** TDISP: requests with non-zero reserved fields are refused (spdm-emu compares them). */
    TDISP_RESERVED_REJECTED("TDISP-42", "TDISP-54"),
    /** TDISP: LOCK asking a flag the device does not advertise is refused with INVALID_REQUEST. */
    TDISP_LOCK_UNADVERTISED_FLAG_REFUSED("TDISP-54"),
    /** TDISP: GET_TDISP_VERSION is answered only for version 1.0 exactly. */
    TDISP_GET_VERSION_EXACT("TDISP-43"),
    /** TDISP: TDISP_VERSION lists the version the request carried, not the versions the device supports. */
    TDISP_VERSION_LIST_ECHOES_REQUEST("TDISP-43"),
    /** TDISP: LOCK succeeds with overlapping BARs. */
    TDISP_LOCK_OVERLAPPING_BARS_OK("TDISP-44"),
    /** TDISP: LOCK sees two BARs overlap only when the higher one starts inside the lower one. */
    TDISP_OVERLAP_ONE_ORDER("TDISP-44"),
    /** TDISP: an MSI-X Message Control change leaves a TDI locked with LOCK_MSIX as it is. */
    TDISP_MSIX_CHANGE_NO_ERROR("TDISP-25"),
    /** TDISP: a Device Control change leaves a locked TDI as it is. */
    TDISP_DEVCTL_CHANGE_NO_ERROR("TDISP-24"),
    /** TDISP: a change of the Resizable BAR, ARI, PASID or SR-IOV control register leaves a locked TDI as it is. */
    TDISP_CAPABILITY_CHANGE_NO_ERROR("TDISP-55"),
    /** TDISP: an SR-IOV Control change (VFs enabled or their memory space) leaves a locked PF's TDI as it is. */
    TDISP_SRIOV_CHANGE_NO_ERROR("TDISP-55"),
    /** TDISP: an expansion ROM BAR write leaves a locked TDI as it is. */
    TDISP_ROM_WRITE_NO_ERROR("TDISP-23"),
    /** TDISP: a BIST register write leaves a locked TDI as it was. */
    TDISP_BIST_WRITE_NO_ERROR("TDISP-50"),
    /** TDISP: Initiate FLR written to Device Control does not reset the function (only the rig's FLR does). */
    TDISP_FLR_BIT_IGNORED("TDISP-26"),
    /** TDISP: the interface report's INTERFACE_INFO bit 0 stays clear whatever the LOCK's NO_FW_UPDATE. */
    TDISP_REPORT_IGNORES_NO_FW_UPDATE("TDISP-51"),
    /** TDISP: the interface report sets INTERFACE_INFO bit 0 whatever the LOCK flags. */
    TDISP_REPORT_NO_FW_UPDATE_ALWAYS("TDISP-51"),
    /** IDE_KM: KEY_PROG over a second session for a sub-stream another open session keyed is taken over. */
    IDEKM_KEYS_FROM_ANOTHER_SESSION_TAKEN("IDEKM-11"),
    /** IDE_KM: KEY_PROG for an unsupported port is acknowledged as SUCCESS. */
    IDEKM_BAD_PORT_ACKED("IDEKM-02"),
    /** IDE_KM: KEY_PROG for the port just past MaxPortIndex is taken (an off-by-one port check). */
    IDEKM_PORT_CHECK_OFF_BY_ONE("IDEKM-02"),
    /** IDE_KM: a KEY_PROG of the wrong length is acknowledged with SUCCESS. */
    IDEKM_WRONG_LENGTH_ACKED("IDEKM-08"),
    /** IDE_KM: K_SET_STOP is carried out but answered with nothing. */
    IDEKM_STOP_UNANSWERED("IDEKM-10"),
    /** IDE_KM: K_GOSTOP_ACK names key set K0 whatever key set K_SET_GO named. */
    IDEKM_GO_ACK_NAMES_K0("IDEKM-10"),
    /** IDE_KM: a KEY_PROG with an unsupported value is answered INCORRECT_LENGTH. */
    IDEKM_BAD_VALUE_AS_LENGTH("IDEKM-09"),
    /** IDE_KM: the stream reports Secure before every sub-stream has a key set started. */
    IDEKM_PARTIAL_GO_SECURE("IDEKM-04"),
    /** IDE_KM: KP_ACK names another stream than the KEY_PROG it answers. */
    IDEKM_ACK_ECHO_WRONG("IDEKM-01"),
    /** IDE_KM: KP_ACK names key set K0 whatever KEY_PROG programmed (K1 mistaken for K0). */
    IDEKM_ACK_NAMES_K0("IDEKM-01"),
    /** IDE_KM: IDE_KM in plaintext (outside a session) is answered. */
    IDEKM_PLAINTEXT_ANSWERED("IDEKM-05"),
    /**
     * SPDM binding: before VCA completes, VENDOR_DEFINED is handed to the device and served as if it
     * came in a session (spdm-emu serves TDISP before negotiation); once negotiated, plaintext is dropped.
     */
    SPDM_VENDOR_BEFORE_NEGOTIATION("SPDM-01"),
    /** SPDM binding: a VENDOR_DEFINED request in a session is served whatever its SPDMVersion. */
    SPDM_VENDOR_ANY_VERSION("SPDM-02"),
    /** SPDM binding: a record of a session that END_SESSION ended still opens and is served. */
    SPDM_ENDED_SESSION_SERVED("SPDM-03"),
    /** SPDM binding: LOCK accepts keys programmed over any session, not only over the LOCK's. */
    SPDM_LOCK_KEYS_ANY_SESSION("SPDM-04", "TDISP-15"),
    /** SPDM: after negotiation a request in another version than the negotiated one is served. */
    SPDM_VERSION_NOT_CHECKED("SPDM-05"),
    /** SPDM: GET_CAPABILITIES in a version VERSION did not offer is served (in that version). */
    SPDM_UNOFFERED_VERSION_ACCEPTED("SPDM-05"),
    /** SPDM: GET_CAPABILITIES is accepted whatever its flags (their dependencies are not checked). */
    SPDM_CAPABILITY_FLAGS_NOT_CHECKED("SPDM-06"),
    /** SPDM: GET_CAPABILITIES is accepted whatever its DataTransferSize and MaxSPDMmsgSize. */
    SPDM_TRANSFER_SIZE_NOT_CHECKED("SPDM-06"),
    /** SPDM: GET_CAPABILITIES and NEGOTIATE_ALGORITHMS are served again after they were answered. */
    SPDM_NEGOTIATION_REPEATED("SPDM-07"),
    /** SPDM: a refused GET_CAPABILITIES or NEGOTIATE_ALGORITHMS throws the connection back to before GET_VERSION. */
    SPDM_REFUSAL_RESETS_NEGOTIATION("SPDM-06", "SPDM-07"),
    /** SPDM: FINISH, HEARTBEAT, KEY_UPDATE and END_SESSION in the clear get UnexpectedRequest (the 1.1 answer). */
    SPDM_SESSION_REQUEST_IN_CLEAR_UNEXPECTED("SPDM-08"),
    /** SPDM: END_SESSION in the clear is refused with SessionRequired but ends every session anyway. */
    SPDM_END_SESSION_IN_CLEAR_ENDS_SESSIONS("SPDM-08"),
    /** SPDM measurements: the number of measurements (operation 0) counts one more than the device has. */
    SPDM_MEAS_COUNT_WRONG("SPDM-09"),
    /** SPDM measurements: a request for one index is answered with the block of the next one. */
    SPDM_MEAS_INDEX_OFF_BY_ONE("SPDM-09"),
    /** SPDM measurements: digests are SHA-256 whatever MeasurementHashAlgo ALGORITHMS selected. */
    SPDM_MEAS_DIGEST_IN_SHA256("SPDM-09"),
    /** SPDM measurements: the firmware version is reported with the reserved value type 0x0B. */
    SPDM_MEAS_RESERVED_VALUE_TYPE("SPDM-09"),
    /** SPDM measurements: the signature covers the signed exchange only, not the unsigned ones before it. */
    SPDM_MEAS_L1L2_LAST_ONLY("SPDM-10"),
    /** SPDM measurements: from 1.2 the signature's L1/L2 leaves out the VCA. */
    SPDM_MEAS_L1L2_WITHOUT_VCA("SPDM-10"),
    /** SPDM measurements: every MEASUREMENTS carries the same nonce. */
    SPDM_MEAS_NONCE_REPEATED("SPDM-10"),
    /** SPDM measurements: the summary hash for all measurements covers the TCB measurements only. */
    SPDM_MEAS_SUMMARY_TCB_FOR_ALL("SPDM-11"),
    /** SPDM measurements: KEY_EXCHANGE_RSP's summary hash is zeros (CHALLENGE_AUTH's is right). */
    SPDM_MEAS_SUMMARY_ZERO_IN_KEY_EXCHANGE("SPDM-11"),
    /** SPDM measurements: an index the device does not have is answered with an empty MEASUREMENTS. */
    SPDM_MEAS_UNKNOWN_INDEX_EMPTY("SPDM-12"),
    /** SPDM measurements: a signed GET_MEASUREMENTS naming any slot is signed with slot 0's key. */
    SPDM_MEAS_ANY_SLOT("SPDM-12"),
    /** SPDM sessions: FINISH is accepted whatever its RequesterVerifyData. */
    SPDM_FINISH_VERIFY_DATA_NOT_CHECKED("SPDM-13"),
    /** SPDM sessions: FINISH compares only the first half of RequesterVerifyData. */
    SPDM_FINISH_VERIFY_DATA_PARTLY_COMPARED("SPDM-13"),
    /** SPDM sessions: a wrong FINISH is refused with DecryptError but the session waits for another FINISH. */
    SPDM_FINISH_RETRY_ALLOWED("SPDM-13"),
    /** SPDM sessions: before FINISH, HEARTBEAT, KEY_UPDATE, END_SESSION and VENDOR_DEFINED are served. */
    SPDM_HANDSHAKE_SERVES_REQUESTS("SPDM-14"),
    /** SPDM sessions: a request refused before FINISH ends the session, so FINISH cannot follow. */
    SPDM_HANDSHAKE_REFUSAL_ENDS_SESSION("SPDM-14"),
    /** SPDM sessions: KEY_UPDATE is acknowledged but the keys stay as they were. */
    SPDM_KEY_UPDATE_NOT_APPLIED("SPDM-15"),
    /** SPDM sessions: UpdateAllKeys moves the request direction only. */
    SPDM_KEY_UPDATE_ALL_KEYS_ONE_WAY("SPDM-15"),
    /** SPDM sessions: a record sent again is opened again (the sequence number is not enforced) and served. */
    SPDM_REPLAY_ACCEPTED("SPDM-17"),
    /** SPDM sessions: a second session of the same ReqSessionID gets the first one's RspSessionID too. */
    SPDM_SESSION_ID_REPEATED("SPDM-17"),
    /** SPDM sessions: HEARTBEAT in an open session is answered UnexpectedRequest. */
    SPDM_HEARTBEAT_UNEXPECTED("SPDM-18"),
    /** SPDM sessions: HEARTBEAT, KEY_UPDATE, END_SESSION and FINISH are served whatever their SPDMVersion. */
    SPDM_SESSION_CONTROL_ANY_VERSION("SPDM-18"),
    /** SPDM: GET_CERTIFICATE for any slot is answered with slot 0's chain. */
    SPDM_CERTIFICATE_ANY_SLOT("SPDM-19"),
    /** SPDM: an undefined measurement summary type in CHALLENGE or KEY_EXCHANGE is taken as "all". */
    SPDM_SUMMARY_TYPE_NOT_CHECKED("SPDM-19"),
    /** SPDM sessions: KEY_UPDATE with an undefined operation is taken as UpdateKey. */
    SPDM_KEY_UPDATE_ANY_OPERATION("SPDM-19"),
    /** SPDM sessions: FINISH in a session already open is acknowledged again with FINISH_RSP. */
    SPDM_FINISH_AGAIN_ACKNOWLEDGED("SPDM-20"),
    /** SPDM sessions: a request refused in an open session (UnexpectedRequest) ends the session. */
    SPDM_SESSION_REFUSAL_ENDS_SESSION("SPDM-20"),
    /**
     * SPDM: NEGOTIATE_ALGORITHMS is read from its fixed fields alone (BaseAsymAlgo, BaseHashAlgo), whatever
     * its Length, counts and structures say, as firmware that parses by offset does.
     */
    SPDM_ALGORITHMS_READ_BY_OFFSET("SPDM-21"),
    /** SPDM sessions: a FINISH that does not decode is refused, and the session with it. */
    SPDM_MALFORMED_FINISH_ENDS_SESSION("SPDM-19"),
    /** SPDM sessions: a session that missed its heartbeat (nothing for twice the HeartbeatPeriod) stays open. */
    SPDM_HEARTBEAT_NEVER_ENDS_SESSION("SPDM-22"),
    /** SPDM sessions: the heartbeat watchdog starts at FINISH and no later record restarts it. */
    SPDM_HEARTBEAT_WATCHDOG_NOT_RESTARTED("SPDM-22"),
    /** SPDM sessions: one heartbeat watchdog for the device, restarted by a record of any session. */
    SPDM_HEARTBEAT_WATCHDOG_SHARED("SPDM-22"),
    /** SPDM, handshake in the clear: KEY_EXCHANGE_RSP still ends with ResponderVerifyData. */
    SPDM_CLEAR_KEY_EXCHANGE_RSP_VERIFY_DATA("SPDM-23"),
    /** SPDM, handshake in the clear: FINISH_RSP carries no ResponderVerifyData. */
    SPDM_CLEAR_FINISH_RSP_WITHOUT_VERIFY_DATA("SPDM-23"),
    /** SPDM, handshake in the clear: FINISH_RSP's ResponderVerifyData is KEY_EXCHANGE_RSP's (the HMAC of TH1). */
    SPDM_CLEAR_FINISH_RSP_VERIFY_DATA_OF_TH1("SPDM-23"),
    /** SPDM, handshake in the clear: FINISH_RSP's ResponderVerifyData uses the request finished key. */
    SPDM_CLEAR_FINISH_RSP_REQUEST_FINISHED_KEY("SPDM-23"),
    /** SPDM, handshake in the clear: the data keys come from a transcript without FINISH_RSP's ResponderVerifyData. */
    SPDM_CLEAR_DATA_KEYS_WITHOUT_VERIFY_DATA("SPDM-23"),
    /** SPDM, handshake in the clear: FINISH in the clear is accepted whatever its RequesterVerifyData. */
    SPDM_CLEAR_FINISH_NOT_CHECKED("SPDM-23"),
    /** SPDM, handshake in the clear: a wrong FINISH in the clear is refused with DecryptError, the session kept. */
    SPDM_CLEAR_FINISH_RETRY_ALLOWED("SPDM-23"),
    /** SPDM, handshake in the clear: advertised, but FINISH in the clear is answered SessionRequired. */
    SPDM_CLEAR_FINISH_REFUSED("SPDM-23"),
    /** SPDM: GET_VERSION leaves the open sessions open. */
    SPDM_GET_VERSION_KEEPS_SESSIONS("SPDM-16"),
    /** SPDM: GET_VERSION drops the sessions without ending them at the device, so their locked TDIs stay locked. */
    SPDM_GET_VERSION_ENDS_SESSIONS_QUIETLY("SPDM-16"),
    /** IDE_KM: K_SET_GO for a key that was never programmed is acknowledged. */
    IDEKM_GO_UNPROGRAMMED_ACKED("IDEKM-06"),
    /** IDE_KM: QUERY_RESP names another bus than the DSM's. */
    IDEKM_QUERY_WRONG_IDENTITY("IDEKM-07"),
    /** IDE_KM: QUERY_RESP names a port the QUERY did not ask for, past its own MaxPortIndex. */
    IDEKM_QUERY_PORT_NOT_ECHOED("IDEKM-07"),

    /** TSM: connect programs the stream's keys but never starts them (the stream is not Secure). */
    TSM_CONNECT_NO_KEYS("IDEKM-03"),
    /** TSM: disconnect naming another TSM succeeds. */
    TSM_DISCONNECT_WRONG_NAME_OK("TSM-05"),
    /** TSM: unregistering a TSM leaves the contexts it holds (DSMs stay connected, TDIs bound). */
    TSM_UNREGISTER_KEEPS_CONTEXTS("TSM-21"),
    /** TSM: hot removal of a connected DSM leaves its TSM context (connected after the rescan, stream held). */
    HOTPLUG_REMOVAL_KEEPS_CONTEXT("TSM-25"),
    /** TSM: a VF enabled while its DSM is connected is not probed, so it has no TSM context. */
    TSM_NEW_VF_NOT_PROBED("TSM-26"),
    /** TSM: a VF disabled through sriov_numvfs keeps its TSM context (pci_tsm_destroy() not called). */
    TSM_DISABLED_VF_KEEPS_CONTEXT("TSM-26"),
    /** TSM: disabling a DSM's VFs disconnects the DSM as well. */
    TSM_VF_DISABLE_DISCONNECTS("TSM-26"),
    /** TSM: a connect to a TSM that does not exist takes a secure stream of the host bridge before it is refused. */
    TSM_REFUSED_CONNECT_TAKES_STREAM("TSM-27"),
    /** TSM: a connect whose IDE key programming fails ends the session but keeps the secure stream it took. */
    TSM_FAILED_CONNECT_KEEPS_STREAM("TSM-28"),
    /** TSM: a connect whose probe gives the DSM no context is refused but stays connected. */
    TSM_FAILED_PROBE_KEEPS_CONNECT("TSM-28"),
    /** TSM: a bind whose TSM step fails leaves a TDI recorded (tsm/bound shows the TSM; a retry does nothing). */
    TSM_FAILED_BIND_RECORDS_TDI("TSM-29"),
    /** TSM: a disconnect naming another TSM unbinds every TDI of the DSM before it is refused. */
    TSM_REFUSED_DISCONNECT_UNBINDS("TSM-27"),
    /** TSM: a hot-removed DSM still shows tsm/connect and connects. */
    TSM_REMOVED_DSM_CONNECTABLE("TSM-25"),
    /** TSM: with no link TSM registered the tsm/ attributes stay visible (connect answers ENXIO). */
    TSM_ATTRIBUTES_WITHOUT_TSM("TSM-22"),
    /** TSM: tsm/dsm names the DSM even while the function has no TSM context (before connect). */
    TSM_DSM_SHOWN_WITHOUT_CONTEXT("TSM-23"),
    /** TSM: a sub-function's tsm/dsm names the sub-function itself, not its DSM. */
    TSM_DSM_NAMES_SELF("TSM-24"),
    /** TSM: the connect attribute shows nothing after connect. */
    TSM_CONNECT_NOT_SHOWN("TSM-07"),
    /** TSM: a guest's STATE_CHANGE START is acknowledged but never reaches the device. */
    TSM_GUEST_START_DROPPED("TSM-18"),
    /** TSM: bind prepares the host but leaves the LOCK to a later step the uAPI has no verb for. */
    TSM_BIND_INCOMPLETE("SEC-04"),
    /** TSM: bind without a VM succeeds. */
    TSM_BIND_WITHOUT_VM("TSM-09"),
    /** TSM: bind of a function whose DSM is not connected succeeds. */
    TSM_BIND_NOT_CONNECTED("TSM-10"),
    /** TSM: bind to a second VM succeeds, re-binding the TDI. */
    TSM_BIND_OTHER_VM("TSM-12"),
    /** TSM: bind to a second VM is refused with EBUSY, but only after the first VM's binding was undone. */
    TSM_BIND_OTHER_VM_UNBINDS_FIRST("TSM-12"),
    /** TSM: bind of an already bound TDI to the same VM calls the driver again (re-locks). */
    TSM_REBIND_SAME_VM_CALLS_DRIVER("TSM-11"),
    /** TSM: bind of an already bound TDI to the same VM unbinds and binds it again, so a started TDI is locked anew. */
    TSM_REBIND_SAME_VM_RELOCKS("TSM-11"),
    /** TSM: bind leaves the TDI in RUN instead of CONFIG_LOCKED (the host starts the interface). */
    TSM_BIND_STARTS_INTERFACE("SEC-01"),
    /** TSM: bind leaves the TDI CONFIG_LOCKED, then starts it a moment later (after the first look). */
    TSM_BIND_STARTS_INTERFACE_LATER("SEC-01"),
    /** TSM: a host-side STATE_CHANGE without a guest (INFO scope) moves the TDI to RUN. */
    TSM_INFO_REQUEST_STARTS("SEC-02"),
    /** TSM: unbind does not stop the TDI on the device. */
    TSM_UNBIND_LEAVES_LOCKED("TSM-13", "IOMMUFD-17"),
    /** TSM: unbind stops the TDI but keeps the binding, so a new bind to the same VM does not lock. */
    TSM_UNBIND_KEEPS_BINDING("LIFE-03"),
    /** TSM: unbind keeps the reference to the VM the bind took (the VM is never freed). */
    TSM_UNBIND_KEEPS_VM("VM-02"),
    /** Lifecycle: every stack starts a worker thread that close() forgets to stop. */
    STACK_CLOSE_LEAKS_THREAD("LIFE-04"),
    /** TSM: unbind of an unbound function is refused. */
    TSM_UNBIND_UNBOUND_REFUSED("TSM-14"),
    /** TSM: disconnect leaves TDIs bound. */
    TSM_DISCONNECT_KEEPS_BINDINGS("TSM-08"),
    /** TSM: disconnect unbinds PF0 and leaves the sub-functions' TDIs bound. */
    TSM_DISCONNECT_UNBINDS_PF0_ONLY("TSM-08"),
    /** TSM: only one DSM of the platform can be connected at a time. */
    TSM_ONE_DSM_AT_A_TIME("TSM-20"),
    /** TSM: connect twice succeeds. */
    TSM_CONNECT_TWICE("TSM-02"),
    /** TSM: connect with a name not of the form tsmN is accepted. */
    TSM_CONNECT_BAD_NAME("TSM-01", "TSM-03"),
    /** TSM: connect looks the written string up as it is, so "tsm0\n" (as echo writes it) names no TSM. */
    TSM_CONNECT_NAME_EXACT("TSM-01"),
    /** TSM: connect reads the number as Integer.parseInt does, so "tsm+0" names tsm0 (the kernel's vsscanf: EINVAL). */
    TSM_CONNECT_PLUS_SIGN("TSM-01"),
    /** TSM: disconnect of a DSM that is not connected succeeds. */
    TSM_DISCONNECT_NOT_CONNECTED("TSM-04"),
    /** TSM: connect does not consume a host-bridge secure stream. */
    TSM_STREAM_NOT_COUNTED("TSM-06"),
    /** TSM: guest requests with a scope above STATE_CHANGE are relayed. */
    TSM_GUEST_SCOPE_NOT_CHECKED("TSM-15"),
    /** TSM: guest requests for an unbound TDI are relayed. */
    TSM_GUEST_UNBOUND_RELAYED("TSM-16"),
    /** TSM: sysfs bound shows nothing while the TDI is bound. */
    TSM_BOUND_NOT_SHOWN("TSM-17"),
    /** TSM: the bound attribute keeps naming the TSM after unbind (a cached flag that unbind forgets). */
    TSM_BOUND_STALE("TSM-13"),
    /** TSM: a TSM unregistered once and registered again is missing from /sys/class/tsm (its device not added back). */
    TSM_REREGISTERED_NOT_LISTED("TSM-22"),
    /** TSM: bind to a legacy (non-confidential) VM succeeds. */
    TSM_BIND_LEGACY_VM("VM-01"),

    /** VFIO: bind succeeds while a BAR is mmapped by userspace. */
    VFIO_BIND_WHILE_MAPPED("VFIO-01"),
    /** VFIO: bind revokes the dma-bufs before it checks for BAR mmaps, and a refusal leaves them revoked. */
    VFIO_REFUSED_BIND_KEEPS_REVOKE("VFIO-25"),
    /** VFIO: mmap takes an offset that is not page-aligned. */
    VFIO_MMAP_UNALIGNED("VFIO-26"),
    /** VFIO: mmap of a region that is not an implemented BAR (ROM, config, an absent BAR) maps a page. */
    VFIO_MMAP_ANY_REGION("VFIO-26"),
    /** VFIO: mmap of a range past the BAR's end is accepted. */
    VFIO_MMAP_PAST_BAR_END("VFIO-26"),
    /** VFIO: region info says MMAP for an unimplemented BAR. */
    VFIO_REGION_EVERY_BAR_MMAPABLE("VFIO-27"),
    /** VFIO: region info gives the config region the 256 bytes of conventional config space. */
    VFIO_REGION_CONFIG_LEGACY_SIZE("VFIO-27"),
    /** VFIO: a bind the TSM fails returns before restoring the dma-bufs it revoked. */
    VFIO_FAILED_BIND_KEEPS_REVOKED("VFIO-25"),
    /** VFIO: bind asks the TSM first and refuses for a BAR mmap after, leaving the TDI bound. */
    VFIO_REFUSED_BIND_KEEPS_TDI("VFIO-25", "VFIO-01"),
    /** VFIO: dma-bufs are not revoked around bind (importers keep their mappings). */
    VFIO_BIND_NO_REVOKE("VFIO-02"),
    /** VFIO: dma-bufs are restored after bind although memory decode is off. */
    VFIO_BIND_RESTORE_WITHOUT_MSE("VFIO-04"),
    /** VFIO: bind with memory decode off leaves the dma-bufs revoked, then restores them a moment later. */
    VFIO_BIND_RESTORES_LATER_WITHOUT_MSE("VFIO-04"),
    /** VFIO: dma-bufs stay revoked after bind although memory decode is on. */
    VFIO_BIND_NO_RESTORE("VFIO-03"),
    /** VFIO: a bound device's MMIO can be mmapped. */
    VFIO_MMAP_WHILE_BOUND("VFIO-05"),
    /** VFIO: clearing MSE does not revoke dma-bufs. */
    VFIO_MSE_CLEAR_NO_REVOKE("VFIO-06"),
    /** VFIO: clearing MSE does not zap mmaps. */
    VFIO_MSE_CLEAR_NO_ZAP("VFIO-07"),
    /** VFIO: setting MSE again does not restore dma-bufs. */
    VFIO_MSE_SET_NO_RESTORE("VFIO-08"),
    /** VFIO: a reset does not revoke dma-bufs around it. */
    VFIO_RESET_NO_REVOKE("VFIO-09"),
    /** VFIO: the BAR mmaps stay zapped after a reset. */
    VFIO_RESET_LEAVES_MMAPS_ZAPPED("VFIO-09"),
    /** VFIO: the BAR mmaps stay zapped after MSE is set again. */
    VFIO_MSE_SET_LEAVES_MMAPS_ZAPPED("VFIO-07"),
    /** VFIO: Initiate FLR written to Device Control goes straight to the device (no revoke, no zap, no restore). */
    VFIO_CONFIG_FLR_PASSED_THROUGH("VFIO-29"),
    /** VFIO: Device Capabilities read through the config region (and by VFIO itself) lacks FLR. */
    VFIO_CONFIG_HIDES_FLR_CAPABILITY("VFIO-29"),
    /** VFIO: every Device Control write through the config region resets the function, Initiate FLR or not. */
    VFIO_DEVICE_CONTROL_WRITE_RESETS("VFIO-29"),
    /** VFIO: munmap returns with the device's memory_lock still held (a call from another thread then hangs). */
    VFIO_MUNMAP_KEEPS_MEMORY_LOCK("LIFE-05"),
    /** VFIO: VFIO_DEVICE_RESET without a reset method succeeds (as if the device had been reset). */
    VFIO_RESET_WITHOUT_METHOD_DONE("VFIO-24"),
    /** VFIO: VFIO_DEVICE_RESET without a reset method revokes the dma-bufs before it refuses, for good. */
    VFIO_RESET_REFUSED_AFTER_REVOKE("VFIO-24"),
    /** VFIO: entering low power leaves the dma-bufs active (importers keep their mappings). */
    VFIO_LOW_POWER_NO_REVOKE("VFIO-23"),
    /** VFIO: closing the device does not revoke its dma-bufs for good. */
    VFIO_CLOSE_NO_REVOKE("VFIO-10"),
    /** VFIO: closing the device does not unbind its TDI. */
    VFIO_CLOSE_NO_UNBIND("VFIO-11"),
    /** VFIO: a second VFIO_DEVICE_BIND_IOMMUFD on a bound file succeeds. */
    VFIO_REBIND_SAME_FILE("VFIO-21"),
    /** VFIO: a second file of a device binds while the first is bound (two owners of one device). */
    VFIO_SECOND_FILE_BINDS("VFIO-22"),
    /** VFIO: dma-buf export with flags set is accepted. */
    VFIO_DMABUF_FLAGS_ACCEPTED("VFIO-12"),
    /** VFIO: dma-buf export with no ranges is accepted. */
    VFIO_DMABUF_NO_RANGES_ACCEPTED("VFIO-13"),
    /** VFIO: dma-buf export of the ROM region is accepted. */
    VFIO_DMABUF_ROM_ACCEPTED("VFIO-14"),
    /** VFIO: a zero-length range is accepted. */
    VFIO_DMABUF_ZERO_LENGTH_ACCEPTED("VFIO-15"),
    /** VFIO: an unaligned range is accepted. */
    VFIO_DMABUF_UNALIGNED_ACCEPTED("VFIO-16"),
    /** VFIO: an overflowing range is refused with EINVAL instead of EOVERFLOW. */
    VFIO_DMABUF_OVERFLOW_AS_EINVAL("VFIO-17"),
    /** VFIO: a range past the end of the BAR is accepted. */
    VFIO_DMABUF_PAST_BAR_ACCEPTED("VFIO-18"),
    /** VFIO: a dma-buf range ending exactly at the BAR's end is refused (an off-by-one in the end check). */
    VFIO_DMABUF_LAST_PAGE_REFUSED("VFIO-18"),
    /** VFIO: an exported dma-buf has the size of its first range only. */
    VFIO_DMABUF_SIZE_FIRST_RANGE("VFIO-28"),
    /** VFIO: a dma-buf exported while memory decode is off is active. */
    VFIO_DMABUF_ACTIVE_WITHOUT_MSE("VFIO-19"),

    /** dma-buf: an importer without peer-to-peer can attach. */
    DMABUF_ATTACH_WITHOUT_P2P("DMABUF-01"),
    /** dma-buf: a revoked buffer can be mapped. */
    DMABUF_MAP_WHILE_REVOKED("DMABUF-02"),
    /** dma-buf: the host CPU can access private MMIO. */
    DMABUF_CPU_ACCESS_PRIVATE("SEC-03"),
    /** dma-buf: a revoke leaves the importers' mappings in place (no move notification). */
    DMABUF_NO_MOVE_NOTIFY("DMABUF-04"),
    /** dma-buf: a revoked buffer can be attached. */
    DMABUF_ATTACH_WHILE_REVOKED("DMABUF-03"),

    /** KVM: a VM object is never freed, even when nothing holds it. */
    VM_NEVER_FREED("VM-02"),

    /** iommufd: a vdevice allocation that fails leaves its half-made object in the table (the vIOMMU stays busy). */
    IOMMUFD_FAILED_VDEVICE_NOT_ABORTED("IOMMUFD-18"),
    /** iommufd: a closed iommufd keeps its objects (the vIOMMU and its VM reference) after its last device closes. */
    IOMMUFD_LAST_DEVICE_CLOSE_KEEPS_OBJECTS("VM-02"),
    /** iommufd: closing an fd with no device bound keeps its objects (a vIOMMU's VM reference is never put). */
    IOMMUFD_CLOSE_KEEPS_OBJECTS("VM-02"),
    /** TDISP: STOP leaves the TDI's P2P stream bindings in place for its next lock. */
    TDISP_STOP_KEEPS_P2P_BINDINGS("TDISP-56"),
    /** TDISP: GET_DEVICE_INTERFACE_REPORT with an OFFSET past the report is answered with an empty last portion. */
    TDISP_REPORT_OFFSET_PAST_END_EMPTY("TDISP-57"),
    /** TDISP: LOCK of a function whose Expansion ROM base lies over one of its BARs succeeds. */
    TDISP_LOCK_ROM_OVER_BAR_OK("TDISP-59"),
    /** TDISP: LOCK of a function with Phantom Functions Enable set succeeds. */
    TDISP_LOCK_PHANTOM_FUNCTIONS_OK("TDISP-58"),
    /** VFIO: VFIO_DEVICE_PCI_HOT_RESET leaves the dma-bufs mapped across the bus reset. */
    VFIO_HOT_RESET_NO_REVOKE("VFIO-30"),
    /** VFIO: VFIO_DEVICE_PCI_HOT_RESET leaves the dma-bufs revoked after it, memory decode on. */
    VFIO_HOT_RESET_NO_RESTORE("VFIO-30"),
    /** iommufd: destroying a vIOMMU with a vdevice succeeds. */
    IOMMUFD_DESTROY_BUSY_VIOMMU("IOMMUFD-01", "IOMMUFD-20"),
    /** iommufd: destroying a HWPT with a vIOMMU succeeds. */
    IOMMUFD_DESTROY_BUSY_HWPT("IOMMUFD-02", "IOMMUFD-20"),
    /** iommufd: a duplicate virt_id is accepted. */
    IOMMUFD_DUPLICATE_VIRT_ID("IOMMUFD-03"),
    /** iommufd: a second vdevice for one device is accepted. */
    IOMMUFD_SECOND_VDEVICE("IOMMUFD-04"),
    /** iommufd: a vIOMMU on a HWPT that is not a nest parent is accepted. */
    IOMMUFD_VIOMMU_NOT_NEST_PARENT("IOMMUFD-05"),
    /** iommufd: a vIOMMU of type DEFAULT is accepted. */
    IOMMUFD_VIOMMU_DEFAULT_TYPE("IOMMUFD-06"),
    /** iommufd: vIOMMU flags are ignored. */
    IOMMUFD_VIOMMU_FLAGS_IGNORED("IOMMUFD-07"),
    /** iommufd: the vIOMMU does not hold the VM (closing the VM fd frees it). */
    IOMMUFD_VIOMMU_NOT_HOLDING_VM("IOMMUFD-08"),
    /** iommufd: a tombstoned vdevice id answers destroy with success. */
    IOMMUFD_TOMBSTONE_DESTROY_OK("IOMMUFD-09"),
    /** iommufd: IOMMU_DESTROY of an id that names no object (0, or an object destroyed before) succeeds. */
    IOMMUFD_DESTROY_UNKNOWN_OK("IOMMUFD-19"),
    /** iommufd: an id naming an object of another type than the ioctl needs is refused with EINVAL, not ENOENT. */
    IOMMUFD_WRONG_TYPE_EINVAL("IOMMUFD-19"),
    /** iommufd: the id of a tombstoned vdevice is handed out again before the iommufd is closed. */
    IOMMUFD_TOMBSTONE_ID_REUSED("IOMMUFD-10"),
    /** iommufd: TSM op with flags set is accepted. */
    IOMMUFD_TSM_OP_FLAGS_IGNORED("IOMMUFD-11"),
    /** iommufd: an unknown TSM op type is accepted as bind. */
    IOMMUFD_TSM_OP_UNKNOWN_TYPE("IOMMUFD-12"),
    /** iommufd: TSM bind on a vIOMMU without VM succeeds. */
    IOMMUFD_TSM_BIND_WITHOUT_VM("IOMMUFD-13"),
    /** iommufd: destroying a vdevice leaves its TDI bound. */
    IOMMUFD_VDEVICE_DESTROY_NO_UNBIND("IOMMUFD-14"),
    /** iommufd: the vdevice tombstoned when its VFIO device closes keeps its TDI bound. */
    IOMMUFD_TOMBSTONE_KEEPS_BINDING("LIFE-01"),
    /** iommufd: closing the fd tears the objects down at once, unbinding, while a VFIO device is bound to it. */
    /** VFIO: closing the cdev of a bound device leaves the device open (only its own handle's close closes it). */
    VFIO_CDEV_CLOSE_LEAVES_DEVICE("IOMMUFD-09"),
    IOMMUFD_CLOSE_TEARS_DOWN_AT_ONCE("IOMMUFD-15"),
    /** iommufd: a VFIO device closed after its iommufd's fd drops its vdevice without unbinding the TDI. */
    IOMMUFD_CLOSED_DEVICE_CLOSE_NO_UNBIND("IOMMUFD-15", "LIFE-02"),
    /** iommufd: TSM request with reserved set is relayed. */
    IOMMUFD_TSM_REQ_RESERVED_IGNORED("IOMMUFD-16"),

    /** AMD SEV-TIO: sub-functions get a TSM context. */
    AMD_SUBFUNCTION_CONTEXT("TSM-19"),
    /** TDX Connect: concurrent firmware calls are not refused with BUSY. */
    TDX_FIRMWARE_NOT_SERIALISED(),
    /** TDX Connect: unbind reclaims before it stops the TDI. */
    TDX_UNBIND_WRONG_ORDER();

    private final List<String> rules;

    Fault(String... rules) {
        this.rules = List.of(rules);
    }

    /**
     * The ids of the kit rules this fault breaks; empty for faults that break a vendor sequence the
     * SPI does not show (checked by the emulation's own tests).
     */
    public List<String> rules() {
        return rules;
    }
}
