package io.flipflop.api.member;

/** A field of {@link MemberProfile}, named so an update can say which fields it sets (null clears). */
public enum ProfileField {
    APP_USER_NAME, APP_USER_PROFILE_IMG_URL, EMAIL, CUSTOM_TYPE, CUSTOM_DATA
}
