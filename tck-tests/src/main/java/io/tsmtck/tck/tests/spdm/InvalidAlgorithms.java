package io.tsmtck.tck.tests.spdm;

import io.tsmtck.api.wire.ByteString;

/**
 * A NEGOTIATE_ALGORITHMS whose sizes and counts contradict its bytes (DSP0274 NEGOTIATE_ALGORITHMS:
 * Length the whole message; ExtAsymCount and ExtHashCount at most 20, their entries present; each
 * AlgStructure with FixedAlgCount 2 and its ExtAlgCount entries), as DMTF SPDM-Responder-Validator
 * doc/3.Algorithms.md case 3.4 sends them: one field changed in the kit's own request.
 */
enum InvalidAlgorithms {
    LENGTH_ONE_SHORT {
        @Override
        void change(byte[] request) {
            setLength(request, request.length - 1);
        }
    },
    LENGTH_ONE_LONG {
        @Override
        void change(byte[] request) {
            setLength(request, request.length + 1);
        }
    },
    EXT_ASYM_COUNT_21 {
        @Override
        void change(byte[] request) {
            request[EXT_ASYM_COUNT] = 21;
        }
    },
    EXT_HASH_COUNT_21 {
        @Override
        void change(byte[] request) {
            request[EXT_ASYM_COUNT + 1] = 21;
        }
    },
    FIXED_ALG_COUNT_1 {
        @Override
        void change(byte[] request) {
            request[FIRST_ALG_COUNT] = 0x10;
        }
    },
    FIXED_ALG_COUNT_3 {
        @Override
        void change(byte[] request) {
            request[FIRST_ALG_COUNT] = 0x30;
        }
    },
    EXT_ALG_COUNT_15 {
        @Override
        void change(byte[] request) {
            request[FIRST_ALG_COUNT] = 0x2F;
        }
    };

    /** ExtAsymCount's offset; ExtHashCount follows it. */
    private static final int EXT_ASYM_COUNT = 28;
    /** AlgCount of the first AlgStructure (the kit sends no external algorithms, so they start at 32). */
    private static final int FIRST_ALG_COUNT = 33;

    /** Changes the one field in {@code request}, the kit's NEGOTIATE_ALGORITHMS. */
    abstract void change(byte[] request);

    /** The kit's request {@code right} with the field changed. */
    ByteString of(ByteString right) {
        byte[] bytes = right.toByteArray();
        change(bytes);
        return ByteString.of(bytes);
    }

    private static void setLength(byte[] request, int length) {
        request[4] = (byte) length;
        request[5] = (byte) (length >> 8);
    }
}
