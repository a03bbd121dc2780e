package io.purseguard.warning.excel;

import java.util.List;

/**
 * The file as a whole cannot be imported: not an .xlsx or .csv, unreadable, or without the columns
 * the import needs. No row of it was taken in. The message is English and follows the field name
 * ({@code file is not …}, for the API); pages show
 * the {@link #messageKey() bundle's words} with the same {@link #arguments()}.
 */
public class UnreadableSpreadsheet extends Exception {

    /** Why, each with its English message; {0} is filled from the arguments. */
    public enum Problem {
        NOT_A_SPREADSHEET("is not an .xlsx workbook or a .csv file"),
        OLD_FORMAT("is an old .xls workbook or a password-protected file: save it as .xlsx without a password"),
        DAMAGED("cannot be read as an .xlsx workbook (damaged or not really .xlsx)"),
        NOT_UTF8("is a CSV file not in UTF-8: save it as \"CSV UTF-8\""),
        EMPTY("has no header row"),
        NO_ROWS("has no rows below the header"),
        MISSING_COLUMNS("lacks required columns: {0}"),
        NO_PERSON_COLUMN("needs a 身份证号 or a 手机号 column"),
        REPEATED_COLUMN("has the column {0} twice");

        private final String english;

        Problem(String english) {
            this.english = english;
        }

        /** The message bundles' key for the page. */
        public String messageKey() {
            return "warning.import.problem." + name();
        }
    }

    private final Problem problem;
    private final List<String> arguments;

    public UnreadableSpreadsheet(Problem problem, String... arguments) {
        super(problem.english.replace("{0}", String.join(", ", arguments)));
        this.problem = problem;
        this.arguments = List.of(arguments);
    }

    public Problem problem() {
        return problem;
    }

    public String messageKey() {
        return problem.messageKey();
    }

    public List<String> arguments() {
        return arguments;
    }
}
