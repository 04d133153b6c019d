/**
 * The kit's SPDM requester (DSP0274 1.1 to 1.3, DSP0277 secured messages over PCI DOE): version, capability and
 * algorithm negotiation, certificate chain validation against the user's trust anchor (a validated chain read once
 * a run), CHALLENGE, measurements, and the secured sessions TDISP and IDE_KM ride on.
 */
package io.tsmtck.tck.spdm;
