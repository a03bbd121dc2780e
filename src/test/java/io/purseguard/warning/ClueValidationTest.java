package io.purseguard.warning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

class ClueValidationTest {

    static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    final ClueValidation validation = new ClueValidation(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_complete_fund_clue_is_valid_and_normalised() {
        var draft = Clues.fund("N-1", "11010519491231002x", "+86 138-1234-5678", "52000.5", NOW);
        var result = validation.validate(draft);
        assertThat(result.errors()).isEmpty();
        var clue = result.clue();
        assertThat(clue.person().idNumber()).isEqualTo("11010519491231002X");
        assertThat(clue.person().phone()).isEqualTo("13812345678");
        assertThat(clue.amount()).hasToString("52000.50");
        assertThat(clue.kind()).isEqualTo(ClueKind.FUND);
        assertThat(clue.suspect().account().number()).isEqualTo("6222020200112233446");
    }

    @Test
    void every_failing_field_is_named() {
        var draft = new ClueDraft(
                "x".repeat(65),
                "MARS",
                "FUND",
                "yesterday",
                new ClueDraft.Person(
                        null,
                        "110105194912310021",
                        "12345",
                        null,
                        new ClueDraft.Account("b", "6222020200112233445", null)),
                null,
                "-1",
                null,
                "PONZI",
                null);
        var fields = validation.validate(draft).errors().stream()
                .map(FieldError::field)
                .toList();
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "clueId",
                        "source",
                        "pushedAt",
                        "person.name",
                        "person.idNumber",
                        "person.phone",
                        "person.account.number",
                        "amount",
                        "transactedAt",
                        "fraudTypeHint");
    }

    @Test
    void an_id_number_or_a_phone_is_required() {
        var draft = Clues.contact("C-1", "CALL", "王五", null, null, "某地", NOW);
        assertThat(validation.validate(draft).errors())
                .extracting(FieldError::field)
                .containsExactly("person.idNumber");
    }

    @Test
    void amounts_have_at_most_two_decimals_and_fund_clues_need_one() {
        assertThat(validation
                        .validate(Clues.fund("A", null, "13812345678", "10.005", NOW))
                        .errors())
                .extracting(FieldError::message)
                .containsExactly("must have at most 2 decimals (yuan and fen)");
        assertThat(validation
                        .validate(Clues.fund("A", null, "13812345678", null, NOW))
                        .errors())
                .extracting(FieldError::field)
                .containsExactly("amount");
        assertThat(validation
                        .validate(Clues.fund("A", null, "13812345678", "0.01", NOW))
                        .valid())
                .isTrue();
    }

    @Test
    void amounts_run_from_one_fen_to_ten_billion_yuan() {
        assertThat(amountErrors("0")).containsExactly("must be at least 0.01 yuan");
        assertThat(amountErrors("0.001")).containsExactly("must be at least 0.01 yuan");
        assertThat(amountErrors("-1")).containsExactly("must not be negative");
        assertThat(amountErrors("10000000000")).isEmpty();
        assertThat(amountErrors("1E+10")).isEmpty();
        // 10^12 overflowed the column (numeric(14, 2)) and sank the whole batch
        assertThat(amountErrors("1000000000000")).containsExactly("must be at most 10000000000.00 yuan");
        assertThat(amountErrors("10000000000.01")).containsExactly("must be at most 10000000000.00 yuan");
        assertThat(amountErrors("1e999999999")).containsExactly("must be at most 10000000000.00 yuan");
    }

    private List<String> amountErrors(String amount) {
        return validation.validate(Clues.fund("A", null, "13812345678", amount, NOW)).errors().stream()
                .map(FieldError::message)
                .toList();
    }

    @Test
    void every_text_field_has_its_length_and_refuses_control_characters_and_line_breaks() {
        // each field with the most characters it takes (Text's vocabulary)
        var limits = new java.util.LinkedHashMap<String, Integer>();
        limits.put("clueId", 64);
        limits.put("person.name", 64);
        limits.put("person.address", 500);
        limits.put("person.account.bank", 200);
        limits.put("person.account.holder", 64);
        limits.put("suspect.account.bank", 200);
        limits.put("suspect.account.holder", 64);
        limits.put("suspect.url", 500);
        limits.put("suspect.app", 200);
        limits.put("upstreamLevel", 200);
        for (var field : limits.keySet()) {
            int max = limits.get(field);
            assertThat(validation.validate(with(field, "字".repeat(max))).errors())
                    .as("%s at %d", field, max)
                    .isEmpty();
            assertThat(validation.validate(with(field, "字".repeat(max + 1))).errors())
                    .as("%s at %d", field, max + 1)
                    .containsExactly(FieldError.of(field, FieldError.Code.TOO_LONG, max));
            // 100 KB: the address was taken whatever its size
            assertThat(validation.validate(with(field, "长".repeat(100_000))).errors())
                    .as(field)
                    .extracting(FieldError::code)
                    .containsExactly("clue.error.tooLong");
        }
        var everyField = new ArrayList<>(limits.keySet());
        everyField.addAll(List.of(
                "source",
                "kind",
                "pushedAt",
                "person.idNumber",
                "person.phone",
                "person.account.number",
                "suspect.account.number",
                "suspect.phone",
                "amount",
                "transactedAt",
                "fraudTypeHint"));
        for (var field : everyField) {
            for (var poison : List.of("张\u0000三", "\u0000", "a\u0007b", "x\u001f", "\u009bz", "a\u007f")) {
                var errors = validation.validate(with(field, poison)).errors();
                assertThat(errors)
                        .as(
                                "%s holding %s",
                                field,
                                poison.codePoints()
                                        .mapToObj(Integer::toHexString)
                                        .toList())
                        .containsExactly(FieldError.of(field, FieldError.Code.CONTROL_CHARACTERS));
            }
            assertThat(validation.validate(with(field, "一行\n两行")).errors())
                    .as(field)
                    .containsExactly(FieldError.of(field, FieldError.Code.LINE_BREAKS));
        }
    }

    /** A valid fund clue with one field set to {@code value}. */
    private static ClueDraft with(String field, String value) {
        var d = Clues.fund("W-1", "11010519491231002X", null, "100", NOW);
        var p = new ClueDraft.Person(
                "张三",
                "11010519491231002X",
                "13812345678",
                "某市某路 1 号",
                new ClueDraft.Account("某银行", "6222020200112233446", "张三"));
        var s = new ClueDraft.Suspect(
                new ClueDraft.Account("某银行", "6222020200112233446", "李四"), "+85251234567", "http://x.example", "某理财");
        return switch (field) {
            case "clueId" ->
                new ClueDraft(
                        value,
                        d.source(),
                        d.kind(),
                        d.pushedAt(),
                        p,
                        s,
                        d.amount(),
                        d.transactedAt(),
                        d.fraudTypeHint(),
                        d.upstreamLevel());
            case "source" ->
                new ClueDraft(
                        d.clueId(),
                        value,
                        d.kind(),
                        d.pushedAt(),
                        p,
                        s,
                        d.amount(),
                        d.transactedAt(),
                        d.fraudTypeHint(),
                        d.upstreamLevel());
            case "kind" ->
                new ClueDraft(
                        d.clueId(),
                        d.source(),
                        value,
                        d.pushedAt(),
                        p,
                        s,
                        d.amount(),
                        d.transactedAt(),
                        d.fraudTypeHint(),
                        d.upstreamLevel());
            case "pushedAt" ->
                new ClueDraft(
                        d.clueId(),
                        d.source(),
                        d.kind(),
                        value,
                        p,
                        s,
                        d.amount(),
                        d.transactedAt(),
                        d.fraudTypeHint(),
                        d.upstreamLevel());
            case "amount" ->
                new ClueDraft(
                        d.clueId(),
                        d.source(),
                        d.kind(),
                        d.pushedAt(),
                        p,
                        s,
                        value,
                        d.transactedAt(),
                        d.fraudTypeHint(),
                        d.upstreamLevel());
            case "transactedAt" ->
                new ClueDraft(
                        d.clueId(),
                        d.source(),
                        d.kind(),
                        d.pushedAt(),
                        p,
                        s,
                        d.amount(),
                        value,
                        d.fraudTypeHint(),
                        d.upstreamLevel());
            case "fraudTypeHint" ->
                new ClueDraft(
                        d.clueId(),
                        d.source(),
                        d.kind(),
                        d.pushedAt(),
                        p,
                        s,
                        d.amount(),
                        d.transactedAt(),
                        value,
                        d.upstreamLevel());
            case "upstreamLevel" ->
                new ClueDraft(
                        d.clueId(),
                        d.source(),
                        d.kind(),
                        d.pushedAt(),
                        p,
                        s,
                        d.amount(),
                        d.transactedAt(),
                        d.fraudTypeHint(),
                        value);
            default -> {
                var person =
                        switch (field) {
                            case "person.name" ->
                                new ClueDraft.Person(value, p.idNumber(), p.phone(), p.address(), p.account());
                            case "person.idNumber" ->
                                new ClueDraft.Person(p.name(), value, p.phone(), p.address(), p.account());
                            case "person.phone" ->
                                new ClueDraft.Person(p.name(), p.idNumber(), value, p.address(), p.account());
                            case "person.address" ->
                                new ClueDraft.Person(p.name(), p.idNumber(), p.phone(), value, p.account());
                            case "person.account.bank" ->
                                new ClueDraft.Person(
                                        p.name(),
                                        p.idNumber(),
                                        p.phone(),
                                        p.address(),
                                        new ClueDraft.Account(value, "6222020200112233446", "张三"));
                            case "person.account.number" ->
                                new ClueDraft.Person(
                                        p.name(),
                                        p.idNumber(),
                                        p.phone(),
                                        p.address(),
                                        new ClueDraft.Account("某银行", value, "张三"));
                            case "person.account.holder" ->
                                new ClueDraft.Person(
                                        p.name(),
                                        p.idNumber(),
                                        p.phone(),
                                        p.address(),
                                        new ClueDraft.Account("某银行", "6222020200112233446", value));
                            default -> p;
                        };
                var suspect =
                        switch (field) {
                            case "suspect.account.bank" ->
                                new ClueDraft.Suspect(
                                        new ClueDraft.Account(value, "6222020200112233446", "李四"),
                                        s.phone(),
                                        s.url(),
                                        s.app());
                            case "suspect.account.number" ->
                                new ClueDraft.Suspect(
                                        new ClueDraft.Account("某银行", value, "李四"), s.phone(), s.url(), s.app());
                            case "suspect.account.holder" ->
                                new ClueDraft.Suspect(
                                        new ClueDraft.Account("某银行", "6222020200112233446", value),
                                        s.phone(),
                                        s.url(),
                                        s.app());
                            case "suspect.phone" -> new ClueDraft.Suspect(s.account(), value, s.url(), s.app());
                            case "suspect.url" -> new ClueDraft.Suspect(s.account(), s.phone(), value, s.app());
                            case "suspect.app" -> new ClueDraft.Suspect(s.account(), s.phone(), s.url(), value);
                            default -> s;
                        };
                if (person == p && suspect == s) {
                    throw new IllegalArgumentException(field);
                }
                yield new ClueDraft(
                        d.clueId(),
                        d.source(),
                        d.kind(),
                        d.pushedAt(),
                        person,
                        suspect,
                        d.amount(),
                        d.transactedAt(),
                        d.fraudTypeHint(),
                        d.upstreamLevel());
            }
        };
    }

    @Test
    void times_before_2000_are_refused_as_typing_errors() {
        var draft = Clues.fund("T", null, "13812345678", "100", NOW);
        var old = new ClueDraft(
                draft.clueId(),
                draft.source(),
                draft.kind(),
                "0201-06-01T10:00:00+08:00",
                draft.person(),
                draft.suspect(),
                draft.amount(),
                "1999-12-31T23:59:59+08:00",
                null,
                null);
        assertThat(validation.validate(old).errors())
                .containsExactly(
                        FieldError.of("pushedAt", FieldError.Code.TOO_EARLY, "2000-01-01"),
                        FieldError.of("transactedAt", FieldError.Code.TOO_EARLY, "2000-01-01"));
        var first = new ClueDraft(
                draft.clueId(),
                draft.source(),
                draft.kind(),
                draft.pushedAt(),
                draft.person(),
                draft.suspect(),
                draft.amount(),
                "2000-01-01T00:00:00+08:00",
                null,
                null);
        assertThat(validation.validate(first).valid()).isTrue();
        var farAhead = new ClueDraft(
                draft.clueId(),
                draft.source(),
                draft.kind(),
                draft.pushedAt(),
                draft.person(),
                draft.suspect(),
                draft.amount(),
                "3000-01-01T00:00:00+08:00",
                null,
                null);
        assertThat(validation.validate(farAhead).errors())
                .containsExactly(FieldError.of("transactedAt", FieldError.Code.FUTURE));
    }

    @Test
    void times_in_the_future_beyond_the_clock_skew_are_refused() {
        var draft = Clues.contact("F", "SMS", "赵六", null, "13812345678", null, NOW.plusSeconds(3600));
        assertThat(validation.validate(draft).errors())
                .extracting(FieldError::field)
                .containsExactly("pushedAt");
        var withinSkew = Clues.contact("F", "SMS", "赵六", null, "13812345678", null, NOW.plusSeconds(120));
        assertThat(validation.validate(withinSkew).valid()).isTrue();
    }

    @Test
    void card_numbers_carry_a_luhn_digit_and_other_accounts_only_a_length() {
        assertThat(BankAccounts.problem("6222020200112233446")).isEmpty();
        assertThat(BankAccounts.problem("6222020200112233445")).contains("card number fails the Luhn check");
        assertThat(BankAccounts.problem("32001881700052501234")).isEmpty(); // a 20-digit corporate account
        assertThat(BankAccounts.problem("1234567")).contains("must be 8 to 30 digits");
        assertThat(BankAccounts.problem("6222 0202 abc")).contains("must be digits");
    }

    @Test
    void mainland_mobile_numbers_are_recognised_and_landlines_are_not() {
        assertThat(MobileNumbers.normalise("13912345678")).contains("13912345678");
        assertThat(MobileNumbers.normalise("+86 199 1234 5678")).contains("19912345678");
        assertThat(MobileNumbers.normalise("02584001234")).isEmpty();
        assertThat(MobileNumbers.normalise("1391234567")).isEmpty();
        assertThat(MobileNumbers.region("13912345678")).isPresent();
    }

    @Test
    void the_short_way_for_plain_digits_agrees_with_libphonenumbers_parser() {
        var util = PhoneNumberUtil.getInstance();
        var random = new SplittableRandom(11);
        int mobiles = 0;
        for (int i = 0; i < 20_000; i++) {
            // every 11-digit number starting with 1, valid prefixes and unallocated ones alike
            var digits = Long.toString(10_000_000_000L + random.nextLong(10_000_000_000L));
            var text = random.nextBoolean() ? digits : "+86" + digits;
            boolean mobile;
            try {
                var parsed = util.parse(text, "CN");
                mobile = parsed.getCountryCode() == 86 && util.getNumberType(parsed) == PhoneNumberType.MOBILE;
            } catch (NumberParseException e) {
                mobile = false;
            }
            mobiles += mobile ? 1 : 0;
            assertThat(MobileNumbers.normalise(text))
                    .as(text)
                    .isEqualTo(mobile ? Optional.of(digits) : Optional.empty());
        }
        assertThat(mobiles).as("both answers were tried").isBetween(1_000, 19_000);
    }

    // ---- every error has a stable code with words in both bundles ----------------------------------

    /** The bundles as the application reads them (spring.messages.*). */
    static ResourceBundleMessageSource bundles() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static ClueDraft draft(
            String clueId,
            String source,
            String kind,
            String pushedAt,
            ClueDraft.Person person,
            ClueDraft.Suspect suspect,
            String amount,
            String transactedAt,
            String upstreamLevel) {
        return new ClueDraft(
                clueId, source, kind, pushedAt, person, suspect, amount, transactedAt, null, upstreamLevel);
    }

    private static ClueDraft.Person person(String name, String idNumber, String phone, ClueDraft.Account account) {
        return new ClueDraft.Person(name, idNumber, phone, null, account);
    }

    /** Drafts between them taking every branch of the validation that refuses a field. */
    private List<FieldError> everyKindOfError() {
        var pushed = Clues.at(NOW.minusSeconds(60));
        var ok = person("王五", null, "13812345678", null);
        var drafts = List.of(
                // clue id missing, source and kind missing, pushed-at missing, no person
                draft(null, null, null, null, null, null, null, null, null),
                // too long, unknown values, a time in the wrong form, a fund clue without amount or time
                draft("x".repeat(65), "MARS", "FUND", "yesterday", ok, null, null, null, "L".repeat(33)),
                // a time too far ahead, a negative amount, a name too long, a bad mobile
                draft(
                        "A",
                        "NATIONAL",
                        "FUND",
                        Clues.at(NOW.plusSeconds(3600)),
                        person("张".repeat(65), null, "12345", null),
                        null,
                        "-1",
                        pushed,
                        null),
                // three decimals; neither an ID number nor a phone; an account without a number
                draft(
                        "B",
                        "NATIONAL",
                        "FUND",
                        pushed,
                        person(null, null, null, new ClueDraft.Account("某银行", null, null)),
                        null,
                        "10.005",
                        pushed,
                        null),
                // no number at all; ID numbers wrong in each way; accounts wrong in each way
                draft(
                        "C",
                        "NATIONAL",
                        "FUND",
                        pushed,
                        person("甲", "12345", null, new ClueDraft.Account(null, "6222 0202 abc", null)),
                        new ClueDraft.Suspect(
                                new ClueDraft.Account(null, "6222020200112233445", null), "12", "a b", "x".repeat(101)),
                        "abc",
                        pushed,
                        null),
                draft(
                        "D",
                        "CITY",
                        "CALL",
                        pushed,
                        person("乙", "1101051949123100AX", null, null),
                        null,
                        null,
                        null,
                        null),
                draft(
                        "E",
                        "CITY",
                        "CALL",
                        pushed,
                        person("丙", "110105194913310021", null, null),
                        new ClueDraft.Suspect(new ClueDraft.Account(null, "1234567", null), null, null, null),
                        null,
                        null,
                        null),
                draft(
                        "F",
                        "CITY",
                        "CALL",
                        pushed,
                        person("丁", "110105194912310021", null, null),
                        null,
                        null,
                        null,
                        null),
                // a control character, a second line, amounts below and above the range, a time before 2000
                draft(
                        "G\u0000",
                        "CITY",
                        "FUND",
                        "1999-01-01T00:00:00+08:00",
                        person("戊\n己", null, "13812345678", null),
                        null,
                        "0",
                        pushed,
                        null),
                draft("H", "CITY", "FUND", pushed, ok, null, "1000000000000", pushed, null));
        var errors = new ArrayList<FieldError>();
        drafts.forEach(d -> errors.addAll(validation.validate(d).errors()));
        return errors;
    }

    @Test
    void every_branch_gives_a_code_and_the_english_message_is_the_english_bundles() {
        var errors = everyKindOfError();
        var produced = errors.stream().map(FieldError::code).collect(Collectors.toCollection(java.util.TreeSet::new));
        // everything but the codes of the doors (unreadable items, records, sheet cells) and the fallback
        var doors = EnumSet.of(
                FieldError.Code.EMPTY,
                FieldError.Code.WRONG_SHAPE,
                FieldError.Code.NOT_A_CLUE,
                FieldError.Code.NOT_JSON,
                FieldError.Code.SHEET_TIME,
                FieldError.Code.STORAGE,
                FieldError.Code.OUTSIDE_STATION,
                FieldError.Code.INVALID);
        assertThat(produced)
                .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(doors).stream()
                        .map(FieldError.Code::key)
                        .toList());
        assertThat(errors).allSatisfy(e -> assertThat(e.code()).startsWith("clue.error."));

        var messages = bundles();
        var missing = new TreeMap<String, String>();
        for (var error : errors) {
            for (var locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                try {
                    messages.getMessage(error.code(), error.args().toArray(), locale);
                } catch (NoSuchMessageException e) {
                    missing.put(error.code(), locale.toString());
                }
            }
        }
        assertThat(missing).as("codes without words in a bundle").isEmpty();
        assertThat(errors).allSatisfy(error -> {
            var english = messages.getMessage(error.resolvable(), Locale.ENGLISH);
            var chinese = messages.getMessage(error.resolvable(), Locale.SIMPLIFIED_CHINESE);
            assertThat(english).as(error.code()).isEqualTo(error.message());
            assertThat(chinese).as(error.code()).isNotEqualTo(english).containsPattern("\\p{IsHan}");
        });
    }

    @Test
    void every_code_has_words_in_both_bundles_the_english_ones_being_the_contracts() {
        var messages = bundles();
        for (var code : FieldError.Code.values()) {
            var args = new Object[] {"X1", "X2"};
            var english = messages.getMessage(code.key(), args, Locale.ENGLISH);
            var chinese = messages.getMessage(code.key(), args, Locale.SIMPLIFIED_CHINESE);
            assertThat(english).as(code.key()).isEqualTo(code.english(args));
            assertThat(chinese).as(code.key()).isNotEqualTo(english);
        }
    }

    @Test
    void errors_read_as_the_contract_and_in_chinese() throws Exception {
        var messages = bundles();
        var fund = validation
                .validate(Clues.fund("A", null, "13812345678", null, NOW))
                .errors()
                .get(0);
        assertThat(fund.message()).isEqualTo("is required for a FUND clue");
        assertThat(messages.getMessage(fund.resolvable(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("资金预警必须填写金额");
        var id = validation
                .validate(Clues.fund("A", "110105194912310021", null, "1", NOW))
                .errors()
                .get(0);
        assertThat(id.message()).isEqualTo("check character does not match (GB 11643)");
        assertThat(id.code()).isEqualTo("clue.error.idNumber.check");
        assertThat(messages.getMessage(id.resolvable(), Locale.SIMPLIFIED_CHINESE))
                .contains("校验位");

        // the JSON of the contract: field, message and code, the arguments stay here
        var json = new ObjectMapper().writeValueAsString(FieldError.of("clueId", FieldError.Code.TOO_LONG, 64));
        assertThat(new ObjectMapper().readValue(json, Map.class))
                .containsOnlyKeys("field", "message", "code")
                .containsEntry("message", "must be at most 64 characters")
                .containsEntry("code", "clue.error.tooLong");
    }

    @Test
    void a_control_character_refused_by_the_json_guard_is_named_at_its_path() {
        var guarded = com.fasterxml.jackson.databind.exc.InvalidFormatException.from(
                null, io.purseguard.platform.Text.CONTROL_CHARACTERS, "张\u0000三", String.class);
        guarded.prependPath(ClueDraft.Person.class, "name");
        guarded.prependPath(ClueDraft.class, "person");
        assertThat(FieldError.unreadable(guarded))
                .isEqualTo(FieldError.of("person.name", FieldError.Code.CONTROL_CHARACTERS));
        var wrongShape = com.fasterxml.jackson.databind.exc.MismatchedInputException.from(
                null, ClueDraft.Person.class, "not an object");
        wrongShape.prependPath(ClueDraft.class, "person");
        assertThat(FieldError.unreadable(wrongShape)).isEqualTo(FieldError.of("person", FieldError.Code.WRONG_SHAPE));
    }

    @Test
    void unreadable_items_have_codes_too() {
        var notAnObject = FieldError.unreadable(new IllegalArgumentException("no"));
        assertThat(notAnObject.code()).isEqualTo("clue.error.notAClue");
        assertThat(notAnObject.message()).isEqualTo("is not a clue object");
        Set<String> keys = Arrays.stream(FieldError.Code.values())
                .map(FieldError.Code::key)
                .collect(Collectors.toSet());
        assertThat(keys).contains(notAnObject.code());
    }
}
