package io.flipflop.api.videopost;

/**
 * One part's upload URL. SRV types the field {@code uplaodUrl} (sic); both spellings carry the same URL
 * (SPEC §4: satisfy both readings where both can hold).
 */
public record UploadUrl(int partNumber, String uploadUrl, String uplaodUrl) {
}
