package io.switchboard.adapters.plivo;

import io.switchboard.adapters.plivo.PlivoMarketplaceDtos.ApplicationCreated;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Page;

import java.util.Map;

/** Applications: the URLs Plivo calls for the numbers and endpoints attached to them. */
public final class PlivoApplications {

    private final PlivoApi api;

    PlivoApplications(PlivoApi api) {
        this.api = api;
    }

    /** Creates an application ({@code appName} and {@code answerUrl} required) and answers its id. */
    public String create(PlivoApplicationRequest request) {
        Checks.required(request, "request");
        var body = PlivoHttp.json(api.checked(request::forCreate));
        ApplicationCreated created = api.write(api.service().createApplication(api.authId(), body));
        return PlivoMapper.text(created.appId())
                .orElseThrow(() -> api.http().errors().incomplete(true, "the new application's app_id"));
    }

    /** One page of the account's applications, its subaccounts' included. */
    public Page<PlivoApplication> list(PlivoPaging paging) {
        return list(Map.of(), paging);
    }

    /** One page of one subaccount's applications. */
    public Page<PlivoApplication> listOfSubaccount(String subauthId, PlivoPaging paging) {
        return list(Map.of("subaccount", api.id(subauthId, "subaccount")), paging);
    }

    private Page<PlivoApplication> list(Map<String, String> filters, PlivoPaging paging) {
        return api.page(q -> api.service().listApplications(api.authId(), q), paging, filters,
                d -> PlivoPager.present(d.appId()), api.mapper()::application);
    }

    public PlivoApplication get(String appId) {
        return api.read(api.service().getApplication(api.authId(),
                api.id(appId, "app_id")), api.mapper()::application);
    }

    /** Changes what {@code request} holds; it may not hold a name (Plivo cannot rename an application). */
    public void modify(String appId, PlivoApplicationRequest request) {
        Checks.required(request, "request");
        String id = api.id(appId, "app_id");
        var body = PlivoHttp.json(api.checked(request::forModify));
        api.act(api.service().modifyApplication(api.authId(), id, body));
    }

    /** Deletes an application; once deleted it cannot be retrieved. */
    public void delete(String appId) {
        api.delete(api.service().deleteApplication(api.authId(), api.id(appId, "app_id")));
    }
}
