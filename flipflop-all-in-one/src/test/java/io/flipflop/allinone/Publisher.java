package io.flipflop.allinone;

import io.flipflop.media.ffmpeg.BundledPrograms;
import java.io.File;

/** OBS's part in the end-to-end tests, played by the bundled {@code ffmpeg} program. */
final class Publisher {

    private Publisher() {
    }

    /** A synthetic 720p30 H.264/AAC stream published over RTMP under {@code name} for {@code seconds}. */
    static Process publish(int rtmpPort, String name, int seconds) throws Exception {
        return BundledPrograms.ffmpeg("-hide_banner", "-nostdin", "-loglevel", "error", "-re",
                        "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=440",
                        "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
                        "-g", "30", "-c:a", "aac", "-f", "flv", "rtmp://127.0.0.1:" + rtmpPort + "/live/" + name)
                .redirectErrorStream(true)
                .redirectOutput(File.createTempFile("ffmpeg", ".log"))
                .start();
    }
}
