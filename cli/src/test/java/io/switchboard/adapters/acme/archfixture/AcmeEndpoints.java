package io.switchboard.adapters.acme.archfixture;

import retrofit2.Call;
import retrofit2.http.GET;

/**
 * Deliberately bad: a public Retrofit interface whose name does not say it is one (found by its annotations). Only
 * for ArchitectureRulesCanFailTest.
 */
public interface AcmeEndpoints {

    @GET("messages")
    Call<AcmeDtos.MessageDto> messages();
}
