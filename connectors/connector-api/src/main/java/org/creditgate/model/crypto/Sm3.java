package org.creditgate.model.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * SM3 (GB/T 32905-2016), the national hash the exchange envelope's {@code digest} uses (domain.md §7.2, §8): batch
 * digests sent to upstream platforms and checked on receipts and file manifests. Small and dependency-free, so the
 * gateway and the simulators compute it the same way without a crypto provider in Karaf. Not thread-safe per
 * instance; the static helpers are.
 */
public final class Sm3 {

    private static final int[] IV = {0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa,
        0xe38dee4d, 0xb0fb0e4e};
    private static final int T0 = 0x79cc4519;
    private static final int T1 = 0x7a879d8a;

    private final int[] v = IV.clone();
    private final byte[] block = new byte[64];
    private int blockLength;
    private long totalBytes;

    /** Lower-case hex SM3 of the bytes. */
    public static String hex(byte[] data) {
        Sm3 sm3 = new Sm3();
        sm3.update(data, 0, data.length);
        return HexFormat.of().formatHex(sm3.digest());
    }

    /** Lower-case hex SM3 of the UTF-8 bytes of the text. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public Sm3 update(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            block[blockLength++] = data[i];
            if (blockLength == 64) {
                compress(block, 0);
                blockLength = 0;
            }
        }
        totalBytes += length;
        return this;
    }

    /** The 32-byte digest; the instance cannot be used afterwards. */
    public byte[] digest() {
        long bits = totalBytes * 8;
        byte[] pad = new byte[(blockLength < 56 ? 64 : 128) - blockLength];
        pad[0] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            pad[pad.length - 1 - i] = (byte) (bits >>> (8 * i));
        }
        long before = totalBytes;
        update(pad, 0, pad.length);
        totalBytes = before;
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) {
            out[4 * i] = (byte) (v[i] >>> 24);
            out[4 * i + 1] = (byte) (v[i] >>> 16);
            out[4 * i + 2] = (byte) (v[i] >>> 8);
            out[4 * i + 3] = (byte) v[i];
        }
        return out;
    }

    private void compress(byte[] b, int off) {
        int[] w = new int[68];
        int[] w1 = new int[64];
        for (int j = 0; j < 16; j++) {
            int k = off + 4 * j;
            w[j] = (b[k] & 0xff) << 24 | (b[k + 1] & 0xff) << 16 | (b[k + 2] & 0xff) << 8 | (b[k + 3] & 0xff);
        }
        for (int j = 16; j < 68; j++) {
            w[j] = p1(w[j - 16] ^ w[j - 9] ^ Integer.rotateLeft(w[j - 3], 15)) ^ Integer.rotateLeft(w[j - 13], 7)
                    ^ w[j - 6];
        }
        for (int j = 0; j < 64; j++) {
            w1[j] = w[j] ^ w[j + 4];
        }
        int a = v[0], bb = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6], h = v[7];
        for (int j = 0; j < 64; j++) {
            int ss1 = Integer.rotateLeft(Integer.rotateLeft(a, 12) + e + Integer.rotateLeft(j < 16 ? T0 : T1, j % 32), 7);
            int ss2 = ss1 ^ Integer.rotateLeft(a, 12);
            int tt1 = (j < 16 ? a ^ bb ^ c : (a & bb) | (a & c) | (bb & c)) + d + ss2 + w1[j];
            int tt2 = (j < 16 ? e ^ f ^ g : (e & f) | (~e & g)) + h + ss1 + w[j];
            d = c;
            c = Integer.rotateLeft(bb, 9);
            bb = a;
            a = tt1;
            h = g;
            g = Integer.rotateLeft(f, 19);
            f = e;
            e = p0(tt2);
        }
        v[0] ^= a;
        v[1] ^= bb;
        v[2] ^= c;
        v[3] ^= d;
        v[4] ^= e;
        v[5] ^= f;
        v[6] ^= g;
        v[7] ^= h;
    }

    private static int p0(int x) {
        return x ^ Integer.rotateLeft(x, 9) ^ Integer.rotateLeft(x, 17);
    }

    private static int p1(int x) {
        return x ^ Integer.rotateLeft(x, 15) ^ Integer.rotateLeft(x, 23);
    }
}
