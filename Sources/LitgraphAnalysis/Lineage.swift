/// The name a versioned name derives from by its suffix, for entities the catalogue gives no parent: "DrQ-v2",
/// "DreamerV3", "MobileVLM v2" → "DrQ", "Dreamer", "MobileVLM"; "LLaVA-1.5", "Gemini 2.0" → "LLaVA", "Gemini";
/// "ManiSkill2", "POINTS1.5" → "ManiSkill", "POINTS"; "PlaNet++" → "PlaNet". Nil when the name has no such
/// suffix.
///
/// The rule is conservative, because a wrong parent invents a lineage:
/// - `v`/`V` and a version (`2`, `1.5`), after `-`, `_`, a space or nothing; the base has at least 2 characters;
/// - a version of at most two digits with an optional fraction (`2`, `1.5`, `50`) after `-` or a space; the base
///   has at least 2 characters (so "ResNet-50", "GPT-4", but not "Pascal VOC 2007" or "Atari 100k");
/// - one digit with an optional fraction (`2`, `1.5`) straight after a base of at least 3 characters that ends in
///   a letter ("ManiSkill2"; not "TD3", "C51", "R2D2");
/// - `++` after a base of at least 2 characters.
/// Every base must contain a letter. The caller then keeps the base only if it names another entity of the
/// corpus with the same type (see `GraphKind.lineage`). O(length of the name).
public func versionBase(of name: String) -> String? {
    let b = Array(name.utf8)
    func isDigit(_ x: UInt8) -> Bool { x >= 48 && x <= 57 }
    func isLetter(_ x: UInt8) -> Bool { (x >= 65 && x <= 90) || (x >= 97 && x <= 122) }
    func isSeparator(_ x: UInt8) -> Bool { x == 0x2D || x == 0x5F || x == 0x20 }
    func base(_ end: Int, minimum: Int) -> String? {
        guard end >= minimum, b[..<end].contains(where: isLetter) else { return nil }
        return String(decoding: b[..<end], as: UTF8.self)
    }
    if b.count > 2, b[b.count - 1] == 0x2B, b[b.count - 2] == 0x2B {
        var end = b.count - 2
        while end > 0 && isSeparator(b[end - 1]) { end -= 1 }
        return base(end, minimum: 2)
    }
    // The version number at the end: digits, optionally "." and digits.
    var i = b.count
    while i > 0 && isDigit(b[i - 1]) { i -= 1 }
    guard i < b.count else { return nil }
    if i > 1 && b[i - 1] == 0x2E && isDigit(b[i - 2]) {
        i -= 1
        while i > 0 && isDigit(b[i - 1]) { i -= 1 }
    }
    let number = b[i...]
    let majorDigits = number.prefix { isDigit($0) }.count
    // "v2" / "V2", with or without a separator before it.
    if i > 0 && (b[i - 1] == 0x76 || b[i - 1] == 0x56) {
        let end = i - 1
        if end > 0 && isSeparator(b[end - 1]) { return base(end - 1, minimum: 2) }
        if end > 0 && (isLetter(b[end - 1]) || isDigit(b[end - 1])) { return base(end, minimum: 2) }
        return nil
    }
    guard i > 0 else { return nil }
    if b[i - 1] == 0x2D || b[i - 1] == 0x20 {
        return majorDigits <= 2 ? base(i - 1, minimum: 2) : nil
    }
    if i > 1 && isLetter(b[i - 1]) && isLetter(b[i - 2]) && majorDigits == 1 { return base(i, minimum: 3) }
    return nil
}
