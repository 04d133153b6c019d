package io.tsmtck.emu.host.tsm;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.idekm.IdeKmObjectId;
import io.tsmtck.api.idekm.KeyProg;
import io.tsmtck.api.idekm.KeySetCommand;
import io.tsmtck.api.idekm.KeySubStream;
import io.tsmtck.api.idekm.KpAck;
import io.tsmtck.api.idekm.KpAckStatus;
import io.tsmtck.api.tdisp.HeaderOnlyMessage;
import io.tsmtck.api.tdisp.LockFlag;
import io.tsmtck.api.tdisp.LockInterfaceRequest;
import io.tsmtck.api.tdisp.LockInterfaceResponse;
import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.tdisp.StartInterfaceRequest;
import io.tsmtck.api.tdisp.TdispHeader;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.emu.faults.Fault;
import io.tsmtck.emu.stack.EmuContext;
import java.util.List;

/**
 * The TDISP and IDE_KM sequences every link TSM runs on the device, whatever the vendor wraps
 * around them: program and start a stream's keys, lock, start and stop a TDI.
 */
public final class TdispOps {

    private TdispOps() {
    }

    /**
     * Programs fresh K0 keys for all six lanes of {@code stream} (RX/TX x PR/NPR/CPL) and starts
     * them, as the TSM does at connect.
     */
    public static Result<Done> programStream(LinkChannel link, int stream, EmuContext context) {
        Result<Done> programmed = programKeys(link, stream, context);
        if (!programmed.isOk()) {
            return programmed;
        }
        if (context.faults().inject(Fault.TSM_CONNECT_NO_KEYS)) {
            return programmed; // the defect: keys programmed, never started
        }
        for (KeySubStream lane : lanes()) {
            Result<Done> started = link.ideKm(new KeySetCommand(IdeKmObjectId.K_SET_GO, stream, lane, 0))
                    .map(answer -> Done.DONE);
            if (!started.isOk()) {
                return started;
            }
        }
        return Result.done();
    }

    private static Result<Done> programKeys(LinkChannel link, int stream, EmuContext context) {
        for (KeySubStream lane : lanes()) {
            KeyProg keyProg = new KeyProg(stream, lane, 0, ByteString.of(context.randomBytes(KeyProg.KEY_LENGTH)),
                    ByteString.of(context.randomBytes(KeyProg.IFV_LENGTH)));
            Result<Done> acked = link.ideKm(keyProg).flatMap(answer -> answer instanceof KpAck ack
                    && ack.status() == KpAckStatus.SUCCESS ? Result.done()
                    : Result.refused(Errno.EIO, "KEY_PROG " + lane + " answered " + answer));
            if (!acked.isOk()) {
                return acked;
            }
        }
        return Result.done();
    }

    /** Stops the keys of {@code stream} (K_SET_STOP on every lane), as the TSM does at disconnect. */
    public static void stopStream(LinkChannel link, int stream) {
        for (KeySubStream lane : lanes()) {
            link.ideKm(new KeySetCommand(IdeKmObjectId.K_SET_STOP, stream, lane, 0));
        }
    }

    /** LOCK_INTERFACE_REQUEST with the TSM's default flags; the answer's START nonce. */
    public static Result<ByteString> lock(LinkChannel link, PciFunction function, int stream) {
        LockInterfaceRequest lock = new LockInterfaceRequest(header(function), LockFlag.NO_FW_UPDATE.mask(), stream,
                0, 0);
        return link.tdisp(lock, MessageType.LOCK_INTERFACE_RESPONSE)
                .map(answer -> ((LockInterfaceResponse) answer).nonce());
    }

    /** START_INTERFACE_REQUEST with {@code nonce}. */
    public static Result<Done> start(LinkChannel link, PciFunction function, ByteString nonce) {
        return link.tdisp(new StartInterfaceRequest(header(function), nonce), MessageType.START_INTERFACE_RESPONSE)
                .map(answer -> Done.DONE);
    }

    /** STOP_INTERFACE_REQUEST. */
    public static Result<Done> stop(LinkChannel link, PciFunction function) {
        return link.tdisp(HeaderOnlyMessage.stop(header(function)), MessageType.STOP_INTERFACE_RESPONSE)
                .map(answer -> Done.DONE);
    }

    private static TdispHeader header(PciFunction function) {
        return TdispHeader.v10(function.interfaceId());
    }

    private static List<KeySubStream> lanes() {
        return KeySubStream.of(KeySubStream.KeySet.K0);
    }
}
