package com.trustportal.enrolment.control;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 tokenizer that remembers the physical line on which each record starts.
 * Accepts CRLF, LF and lone CR line ends; quoted fields may contain delimiters, quotes ("") and line breaks.
 */
final class CsvTokenizer {

  /** One record with the physical (1-based) line it starts on. */
  record Record(int line, List<String> fields) {
  }

  private final char delimiter;
  private final List<Record> records = new ArrayList<>();
  private int line = 1;
  private int recordStart = 1;
  private List<String> fields = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();
  private boolean inQuotes;
  private boolean fieldQuoted;
  private boolean recordDirty;

  CsvTokenizer(char delimiter) {
    this.delimiter = delimiter;
  }

  /** Guesses the delimiter from the first line: semicolon if it has more semicolons than commas. */
  static char detectDelimiter(String text) {
    int commas = 0;
    int semicolons = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      }
    }
    return semicolons > commas ? ';' : ',';
  }

  /** Tokenizes the whole text; incomplete trailing data stays pending (see {@link #inUnterminatedQuote()}). */
  CsvTokenizer feed(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (inQuotes) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            inQuotes = false;
          }
        } else {
          if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0 && !fieldQuoted) {
        inQuotes = true;
        fieldQuoted = true;
        recordDirty = true;
      } else if (c == delimiter) {
        endField();
        recordDirty = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        endRecord();
        line++;
        recordStart = line;
      } else {
        field.append(c);
        recordDirty = true;
      }
    }
    return this;
  }

  /** Ends the input: a pending record (without final line break) is completed unless a quote is open. */
  CsvTokenizer finish() {
    if (!inQuotes && (recordDirty || field.length() > 0)) {
      endRecord();
    }
    return this;
  }

  private void endField() {
    fields.add(field.toString());
    field.setLength(0);
    fieldQuoted = false;
  }

  private void endRecord() {
    endField();
    records.add(new Record(recordStart, fields));
    fields = new ArrayList<>();
    recordDirty = false;
  }

  List<Record> records() {
    return records;
  }

  boolean inUnterminatedQuote() {
    return inQuotes;
  }

  /** Line on which the pending (incomplete) record starts, or the current line if none is pending. */
  int pendingRow() {
    return recordDirty || field.length() > 0 || inQuotes ? recordStart : line;
  }

  /** 1-based column of the field being read in the pending record. */
  int pendingColumn() {
    return recordDirty || field.length() > 0 || inQuotes ? fields.size() + 1 : 1;
  }
}
