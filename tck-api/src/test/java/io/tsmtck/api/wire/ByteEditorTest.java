package io.tsmtck.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteEditorTest {

    private static final ByteString MESSAGE = ByteString.ofHex("10850000aabbccdd");

    @Test
    void eachEditChangesExactlyItsBytesAndLeavesTheOriginal() {
        assertThat(ByteEditor.of(MESSAGE).set(1, 0x1FF).toByteString()).isEqualTo(ByteString.ofHex("10ff0000aabbccdd"));
        assertThat(ByteEditor.of(MESSAGE).xor(4, 0x01).toByteString()).isEqualTo(ByteString.ofHex("10850000abbbccdd"));
        assertThat(ByteEditor.of(MESSAGE).u16(2, 0x1234).toByteString()).isEqualTo(ByteString.ofHex("10853412aabbccdd"));
        assertThat(ByteEditor.of(MESSAGE).u32(4, 0x01020304L).toByteString())
                .isEqualTo(ByteString.ofHex("1085000004030201"));
        assertThat(ByteEditor.of(MESSAGE).truncate(3).toByteString()).isEqualTo(ByteString.ofHex("108500"));
        assertThat(ByteEditor.of(MESSAGE).append(ByteString.ofHex("ee")).toByteString())
                .isEqualTo(ByteString.ofHex("10850000aabbccddee"));
        assertThat(MESSAGE).isEqualTo(ByteString.ofHex("10850000aabbccdd"));
    }

    @Test
    void anEditOutsideTheMessageIsRefusedNamingIt() {
        assertThatThrownBy(() -> ByteEditor.of(MESSAGE).set(8, 0)).hasMessage("1 byte(s) at offset 8 of a 8-byte message");
        assertThatThrownBy(() -> ByteEditor.of(MESSAGE).u32(6, 0)).hasMessage("4 byte(s) at offset 6 of a 8-byte message");
        assertThatThrownBy(() -> ByteEditor.of(MESSAGE).set(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ByteEditor.of(MESSAGE).truncate(9)).hasMessage("cannot cut 8 bytes to 9");
    }
}
