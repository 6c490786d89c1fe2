package io.switchboard.adapters.acme.archfixture;

import io.switchboard.domain.Page;
import io.switchboard.domain.PageRequest;
import io.switchboard.domain.message.Message;
import io.switchboard.domain.message.MessageQuery;
import io.switchboard.domain.message.MessageRequest;
import io.switchboard.domain.port.MessagingPort;

/**
 * Deliberately bad: a port implementation that is public and not named AcmeMessaging. Only for
 * ArchitectureRulesCanFailTest.
 */
public final class AcmeMessages implements MessagingPort {

    @Override
    public Message send(MessageRequest request) {
        return null;
    }

    @Override
    public Message get(String id) {
        return null;
    }

    @Override
    public Page<Message> list(MessageQuery query, PageRequest page) {
        return null;
    }
}
