package io.switchboard.domain.account;

import io.switchboard.domain.AccountId;
import io.switchboard.domain.Checks;
import io.switchboard.domain.Money;

import java.util.Optional;

/**
 * A vendor account's details.
 *
 * @param account the configured account
 * @param vendorAccountId the vendor's id (Twilio account SID, Plivo auth id); never a secret
 * @param name the account's friendly name
 * @param status unified status
 * @param rawStatus the vendor's status word
 * @param type the vendor's account type (Trial, Full, standard ...)
 * @param balance the remaining credit, where the vendor reports one; negative when the account owes money
 */
public record AccountInfo(
        AccountId account,
        String vendorAccountId,
        Optional<String> name,
        AccountStatus status,
        String rawStatus,
        Optional<String> type,
        Optional<Money> balance) {

    public AccountInfo {
        Checks.required(account, "account");
        Checks.notBlank(vendorAccountId, "vendorAccountId");
        name = name == null ? Optional.empty() : name;
        status = status == null ? AccountStatus.UNKNOWN : status;
        rawStatus = rawStatus == null ? "" : rawStatus;
        type = type == null ? Optional.empty() : type;
        balance = balance == null ? Optional.empty() : balance;
    }
}
