package dev.tsuzuku.ingest;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a source file into text, refusing what is not UTF-8 text: binary files,
 * UTF-16 and legacy encodings (Japanese Shift_JIS is decoded when it is unambiguous; Chinese
 * GB18030/Big5 gets the iconv command). Every refusal names where the file went wrong and how to fix it.
 */
final class TextDecoder {
    private TextDecoder() {}

    static String decode(String file, byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new BadInputException(file, "the file is UTF-16 text, not UTF-8",
                    "convert with iconv -f utf-16 -t utf-8 " + file + " > book.txt");
        }
        int nul = indexOf(bytes, (byte) 0);
        if (nul >= 0) {
            throw new BadInputException(new Problem(file, lineOf(bytes, nul), 0,
                    "this looks like a binary file (NUL byte at offset " + nul + "), not text",
                    "export the book as plain text (.txt, UTF-8) or Markdown (.md)"));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            String legacy = legacyCjk(bytes);
            if (legacy != null) {
                return legacy;
            }
            guessCjk(file, bytes);
            int at = in.position();
            int line = lineOf(bytes, at);
            int column = at - lineStart(bytes, at) + 1;
            throw new BadInputException(new Problem(file, line, column,
                    String.format("not UTF-8: byte 0x%02X at offset %d (line %d) is not valid UTF-8",
                            bytes[at] & 0xff, at, line),
                    "convert with iconv -f latin1 -t utf-8 " + file + " > book.txt (or save it as UTF-8 in your editor)"));
        }
        out.flip();
        return out.toString();
    }

    /**
     * Shift_JIS text is decoded when that is unambiguous: the bytes decode strictly as Shift_JIS
     * (windows-31j) and the result is Japanese (kana are at least a fifth of its letters, which
     * GB18030 or Big5 text read as Shift_JIS never is). Null otherwise.
     */
    static String legacyCjk(byte[] bytes) {
        String sjis = strict(bytes, java.nio.charset.Charset.forName("windows-31j"));
        if (sjis != null && kanaShare(sjis) >= 0.2) {
            return sjis;
        }
        return null;
    }

    /** Chinese legacy text (GB18030, GBK, Big5) cannot be told apart reliably: say which it may be and how to convert it. */
    private static void guessCjk(String file, byte[] bytes) {
        String gb = strict(bytes, java.nio.charset.Charset.forName("GB18030"));
        if (gb != null && hanShare(gb) >= 0.3) {
            throw new BadInputException(file, "not UTF-8: this looks like Chinese text in a legacy encoding (GB18030/GBK, or Big5)",
                    "convert with iconv -f GB18030 -t UTF-8 " + file + " > book.txt (for Big5: iconv -f BIG5 -t UTF-8)");
        }
        String sjis = strict(bytes, java.nio.charset.Charset.forName("windows-31j"));
        if (sjis != null && hanShare(sjis) >= 0.3) {
            throw new BadInputException(file, "not UTF-8: this looks like Japanese text in Shift_JIS",
                    "convert with iconv -f SHIFT_JIS -t UTF-8 " + file + " > book.txt (or iconv -f CP932 for Windows files)");
        }
    }

    private static String strict(byte[] bytes, java.nio.charset.Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private static double kanaShare(String s) {
        return share(s, true);
    }

    private static double hanShare(String s) {
        return share(s, false);
    }

    /** The share of letters that are kana ({@code kana}) or kanji/hanzi and kana together. */
    private static double share(String s, boolean kana) {
        int letters = 0;
        int hit = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            Character.UnicodeScript sc = Character.UnicodeScript.of(c);
            boolean isKana = sc == Character.UnicodeScript.HIRAGANA || sc == Character.UnicodeScript.KATAKANA;
            if (kana ? isKana : isKana || sc == Character.UnicodeScript.HAN) {
                hit++;
            }
        }
        return letters == 0 ? 0 : hit / (double) letters;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** 1-based line of a byte offset; a lone CR counts as a line break like LF and CRLF. */
    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static int lineStart(byte[] bytes, int offset) {
        int i = offset;
        while (i > 0 && bytes[i - 1] != '\n' && bytes[i - 1] != '\r') {
            i--;
        }
        return i;
    }
}
