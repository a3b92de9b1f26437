package io.flipflop.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Amf0Test {

    @Test
    void decodesAConnectCommandAsFfmpegSendsIt() {
        // "connect", 1.0, {app: "live", flashVer: "FMLE/3.0"}
        byte[] body = HexFormat.of().parseHex("020007636f6e6e656374"
                + "003ff0000000000000"
                + "03" + "0003617070" + "0200046c697665"
                + "0008666c61736856657202000846" + "4d4c452f332e30"
                + "000009");

        List<Object> values = Amf0.decodeAll(body);

        assertThat(values).containsExactly("connect", 1.0, Map.of("app", "live", "flashVer", "FMLE/3.0"));
    }

    @Test
    void encodesWhatItDecodes() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("level", "status");
        object.put("code", "NetStream.Publish.Start");
        object.put("nothing", null);
        object.put("flag", true);
        List<Object> values = Arrays.asList("onStatus", 0.0, null, object, List.of(1.0, "two"), "x".repeat(70_000));

        assertThat(Amf0.decodeAll(Amf0.encode(values.toArray()))).isEqualTo(values);
    }

    @Test
    void readsAnEcmaArrayAndADate() {
        byte[] body = HexFormat.of().parseHex("08" + "00000001" + "000164" + "00" + "4008000000000000"
                + "000009" + "0B" + "4000000000000000" + "0000");

        assertThat(Amf0.decodeAll(body)).containsExactly(Map.of("d", 3.0), 2.0);
    }

    @Test
    void measuresTheFirstValue() {
        byte[] body = Amf0.encode("@setDataFrame", "onMetaData");

        assertThat(Amf0.firstValueLength(body)).isEqualTo(3 + "@setDataFrame".length());
    }

    @Test
    void aValueCutShortIsAProtocolError() {
        byte[] body = Amf0.encode("connect");

        assertThatThrownBy(() -> Amf0.decodeAll(Arrays.copyOf(body, body.length - 2)))
                .isInstanceOf(RtmpProtocolException.class);
        assertThatThrownBy(() -> Amf0.decodeAll(new byte[] {0x02, (byte) 0xFF, (byte) 0xFF}))
                .isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void anUnknownMarkerIsAProtocolError() {
        assertThatThrownBy(() -> Amf0.decodeAll(new byte[] {0x11})).isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void deepNestingIsRefused() {
        // 200 strict arrays of one element, each inside the one before
        byte[] nested = new byte[200 * 5];
        for (int i = 0; i < 200; i++) {
            nested[i * 5] = 0x0A;
            nested[i * 5 + 4] = 1;
        }
        assertThatThrownBy(() -> Amf0.decodeAll(nested)).isInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining("deep");
    }
}
