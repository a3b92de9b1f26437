package io.flipflop.command.member;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.member.MemberLoginRequest;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.member.MemberView;
import io.flipflop.api.member.RegisterMemberRequest;
import io.flipflop.platform.security.AuthenticatedApp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * FlipFlop App API member writes (reference §5), called by the app server with Basic {@code apiKey:apiSecret}.
 * Every member is looked up within the authenticated app, so another app's {@code appUserId} is simply not
 * found. Answers carry the member as it is after the write, not a read model.
 */
@RestController
@RequestMapping("/v2/apps/me/members")
@Tag(name = "App API: members", description = "Log members in, register, update and delete them")
@SecurityRequirement(name = "appBasic")
public class MemberController {

    private static final String ACTIVE = "ACTIVE";

    private final MemberService members;

    public MemberController(MemberService members) {
        this.members = members;
    }

    @PostMapping("/login")
    @Operation(operationId = "loginMember",
            summary = "Member login",
            description = "Creates the member and its INACTIVE stream key on first login, otherwise updates the "
                    + "profile fields given (non-null). 200 with the member's tokens. Errors (400): "
                    + "EMPTY_APP_USER_ID, INVALID_APP_USER_ID_FORMAT, CUSTOM_TYPE_SIZE_UPPER_LIMIT_EXCEEDED, "
                    + "CUSTOM_DATA_ITEM_COUNT_UPPER_LIMIT_EXCEEDED, CUSTOM_DATA_ITEM_NAME_SIZE_UPPER_LIMIT_EXCEEDED, "
                    + "CUSTOM_DATA_ITEM_VALUE_SIZE_UPPER_LIMIT_EXCEEDED.")
    public Mono<MemberTokens> logIn(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                    @RequestBody(required = false) MemberLoginRequest request) {
        MemberLoginRequest login = request != null ? request
                : new MemberLoginRequest(null, null, null, null, null, null);
        return members.logIn(app.appId(), login.appUserId(), new MemberProfile(login.appUserName(),
                login.appUserProfileImgUrl(), login.email(), login.customType(), login.customData()));
    }

    @PostMapping("/login-as-guest")
    @Operation(operationId = "loginMemberAsGuest",
            summary = "Guest login",
            description = "Creates a guest member (no stream key) and answers 200 with its tokens. Empty body.")
    public Mono<MemberTokens> logInAsGuest(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app) {
        return members.logInAsGuest(app.appId());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "upsertMember",
            summary = "Register a member without tokens",
            description = "Creates the member and its stream key, or, if it exists, updates the fields given "
                    + "(non-null) and answers it (upsert). 201 with the member. Errors (400): EMPTY_APP_USER_ID, "
                    + "INVALID_APP_USER_ID_FORMAT.")
    public Mono<MemberView> register(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                     @RequestBody(required = false) RegisterMemberRequest request) {
        RegisterMemberRequest registration = request == null ? new RegisterMemberRequest(null, null, null) : request;
        return members.upsert(app.appId(), registration.appUserId(), new MemberProfile(registration.appUserName(),
                        registration.appUserProfileImgUrl(), null, null, null))
                .map(member -> view(member, app));
    }

    @PatchMapping("/{appUserId}")
    @Operation(operationId = "updateMember",
            summary = "Update a member",
            description = "Fields are optional: an absent field is kept, an explicit null clears it. 200 with the "
                    + "member. Errors: 404 MEMBER_NOT_FOUND; 400 CUSTOM_* limits.")
    public Mono<MemberView> update(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                   @PathVariable String appUserId,
                                   @RequestBody(required = false) JsonNode body) {
        MemberProfilePatch patch = MemberProfilePatch.from(body);
        return members.update(app.appId(), appUserId, patch.values(), patch.fields())
                .map(member -> view(member, app));
    }

    @DeleteMapping("/{appUserIds}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteMember",
            summary = "Delete members",
            description = "One appUserId or a comma-separated list. 204; unknown ids are ignored.")
    public Mono<Void> delete(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                             @PathVariable String appUserIds) {
        List<String> ids = Arrays.stream(appUserIds.split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .distinct()
                .toList();
        return members.delete(app.appId(), ids);
    }

    private static MemberView view(MemberState member, AuthenticatedApp app) {
        MemberProfile profile = member.profile();
        return new MemberView(member.memberId(), ACTIVE, new AppRef(app.appId(), ACTIVE, app.name()),
                member.appUserId(), profile.appUserName(), profile.appUserProfileImgUrl(), profile.email(),
                profile.customType(), profile.customData(), member.guest(), member.createdAt(),
                member.lastModifiedAt());
    }
}
