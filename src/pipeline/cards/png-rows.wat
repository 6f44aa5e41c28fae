;; PNG scanlines from RGBA pixels, for png.ts: each row becomes a filter byte 0
;; ("none") and the row's RGB bytes, alpha dropped (cards are opaque).
;;
;; WebAssembly with SIMD because this step was a third of a card's PNG encoding
;; in JavaScript (1.2-1.5 ms a card, four pixels into three 32-bit words at a
;; time); one 16-byte shuffle does four pixels here (0.5 ms a card, copying the
;; pixels into this memory included). Compiled into png-rows.wasm by
;; `npm run wasm`; tests/unit/png.test.ts checks the two are in step.
(module
  (memory (export "memory") 1)
  ;; scanlines(src, dst, width, height): the RGBA pixels at src, as scanlines at dst.
  ;; Writes up to 4 bytes past the last scanline: the caller leaves room for them.
  (func (export "scanlines") (param $src i32) (param $dst i32) (param $width i32) (param $height i32)
    (local $end i32) (local $rowEnd i32) (local $wholeEnd i32)
    (local.set $end (i32.add (local.get $src) (i32.shl (i32.mul (local.get $width) (local.get $height)) (i32.const 2))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (i32.store8 (local.get $dst) (i32.const 0))
        (local.set $dst (i32.add (local.get $dst) (i32.const 1)))
        (local.set $rowEnd (i32.add (local.get $src) (i32.shl (local.get $width) (i32.const 2))))
        (local.set $wholeEnd (i32.add (local.get $src) (i32.shl (i32.and (local.get $width) (i32.const -4)) (i32.const 2))))
        ;; Four pixels at a time: 16 bytes in, 12 out. The store writes 16; the
        ;; last 4 are written over by what comes next (the next pixels, the next
        ;; row's filter byte and pixels, or nothing after the last row).
        (block $tail
          (loop $four
            (br_if $tail (i32.ge_u (local.get $src) (local.get $wholeEnd)))
            (v128.store (local.get $dst)
              (i8x16.shuffle 0 1 2 4 5 6 8 9 10 12 13 14 0 0 0 0 (v128.load (local.get $src)) (v128.load (local.get $src))))
            (local.set $src (i32.add (local.get $src) (i32.const 16)))
            (local.set $dst (i32.add (local.get $dst) (i32.const 12)))
            (br $four)))
        ;; The last one to three pixels of a row whose width is not a multiple of 4.
        (block $rowDone
          (loop $one
            (br_if $rowDone (i32.ge_u (local.get $src) (local.get $rowEnd)))
            (i32.store16 (local.get $dst) (i32.load16_u (local.get $src)))
            (i32.store8 offset=2 (local.get $dst) (i32.load8_u offset=2 (local.get $src)))
            (local.set $src (i32.add (local.get $src) (i32.const 4)))
            (local.set $dst (i32.add (local.get $dst) (i32.const 3)))
            (br $one)))
        (br $row)))))
