package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.ApplicationCreated;
import io.switchboard.adapters.plivo.application.PlivoApplication;
import io.switchboard.adapters.plivo.application.PlivoApplicationRequest;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;

import java.util.Map;

/** Applications: the URLs Plivo calls for the numbers and endpoints attached to them. */
public final class PlivoApplicationsApi {

    private final PlivoContext ctx;

    PlivoApplicationsApi(PlivoContext ctx) {
        this.ctx = ctx;
    }

    /** Creates an application ({@code appName} and {@code answerUrl} required) and answers its id. */
    public String create(PlivoApplicationRequest request) {
        Checks.required(request, "request");
        var body = PlivoHttp.json(ctx.checked(() -> PlivoRequestMapper.applicationToCreate(request)));
        ApplicationCreated created = ctx.write(ctx.service().createApplication(ctx.authId(), body));
        return PlivoMapper.text(created.appId())
                .orElseThrow(() -> ctx.http().errors().incomplete(true, "the new application's app_id"));
    }

    /** One page of the account's applications, its subaccounts' included. */
    public Page<PlivoApplication> list(PlivoPaging paging) {
        return list(Map.of(), paging);
    }

    /** One page of one subaccount's applications. */
    public Page<PlivoApplication> listOfSubaccount(String subauthId, PlivoPaging paging) {
        return list(Map.of("subaccount", ctx.id(subauthId, "subaccount")), paging);
    }

    private Page<PlivoApplication> list(Map<String, String> filters, PlivoPaging paging) {
        return ctx.page(q -> ctx.service().listApplications(ctx.authId(), q), paging, filters,
                d -> PlivoPager.present(d.appId()), ctx.mapper()::application);
    }

    public PlivoApplication get(String appId) {
        return ctx.read(ctx.service().getApplication(ctx.authId(),
                ctx.id(appId, "app_id")), ctx.mapper()::application);
    }

    /** Changes what {@code request} holds; it may not hold a name (Plivo cannot rename an application). */
    public void modify(String appId, PlivoApplicationRequest request) {
        Checks.required(request, "request");
        String id = ctx.id(appId, "app_id");
        var body = PlivoHttp.json(ctx.checked(() -> PlivoRequestMapper.applicationToModify(request)));
        ctx.act(ctx.service().modifyApplication(ctx.authId(), id, body));
    }

    /** Deletes an application; once deleted it cannot be retrieved. */
    public void delete(String appId) {
        ctx.delete(ctx.service().deleteApplication(ctx.authId(), ctx.id(appId, "app_id")));
    }
}
