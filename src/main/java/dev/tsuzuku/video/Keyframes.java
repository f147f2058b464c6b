package dev.tsuzuku.video;

import dev.tsuzuku.provider.ProviderHttp;
import dev.tsuzuku.workspace.AtomicFiles;
import java.nio.file.Path;

/** Shared by the keyframe adapters: a keyframe's image onto disk, atomically. */
final class Keyframes {
    private Keyframes() {}

    static Path save(ProviderHttp http, Keyframe keyframe, Path target) {
        if (keyframe.image().isUrl()) {
            return http.download(keyframe.image().url(), target);
        }
        AtomicFiles.write(target, keyframe.image().data());
        return target;
    }
}
