package io.switchboard.cli;

import io.switchboard.testing.EmbeddedSandbox;
import io.switchboard.domain.PhoneNumber;
import io.switchboard.domain.SenderPool;
import io.switchboard.domain.message.MessageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's messages, drawn from a seed: the same seed gives the same messages. Destinations spread over the
 * sandbox countries, in ranges kept for fiction or samples where the country has one; texts mix GSM-7 and UCS-2,
 * single and multi-part. Every text carries the message's number, so each (to, text) pair is unique and the
 * emulators' ledger can be matched message by message.
 */
final class DemoTraffic {

    /** A number prefix per sandbox country and how many random digits follow it. */
    private static final List<Destination> DESTINATIONS = List.of(
            new Destination("+120255501", 2), new Destination("+141655501", 2), new Destination("+447700900", 3),
            new Destination("+49151", 8), new Destination("+3363998", 4), new Destination("+9198", 8),
            new Destination("+55119", 8), new Destination("+61491570", 3));

    /** {@code %d} is the message's number. */
    private static final List<String> TEXTS = List.of(
            "Your Switchboard code is %d. It expires in 10 minutes.",
            "Order %d shipped: total €42 [2 items], track at example.com/t/{ref}",
            "Reminder %d: your appointment is tomorrow at 09:30. Reply C to confirm or R to reschedule. If you need "
                    + "directions, open the link in your confirmation e-mail or call the front desk; we are open "
                    + "from 8 until 6.",
            "Ваш код подтверждения: %d",
            "您的验证码是 %d，请勿泄露。",
            "Olá! Pedido %d confirmado 😀",
            "Café %d: la crème brûlée est prête.",
            "Уведомление %d: ваш платёж получен и будет зачислен в течение одного рабочего дня. Спасибо, что "
                    + "пользуетесь нашим сервисом!");

    private record Destination(String prefix, int digits) {
        String draw(Random random) {
            StringBuilder number = new StringBuilder(prefix);
            for (int i = 0; i < digits; i++) {
                number.append((char) ('0' + random.nextInt(10)));
            }
            return number.toString();
        }
    }

    private DemoTraffic() {
    }

    /** {@code count} messages from the sandbox sender pool, drawn from {@code seed}. */
    static List<MessageRequest> generate(long seed, int count) {
        Random random = new Random(seed);
        SenderPool pool = new SenderPool(EmbeddedSandbox.POOL);
        List<MessageRequest> messages = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            Destination destination = DESTINATIONS.get(random.nextInt(DESTINATIONS.size()));
            String text = String.format(TEXTS.get(random.nextInt(TEXTS.size())), i);
            messages.add(MessageRequest.sms(PhoneNumber.parse(destination.draw(random), "to"), pool, text));
        }
        return messages;
    }
}
