/** XML formatting of the addon, checked by `make test` (OCA's settings). */
module.exports = {
    plugins: [require.resolve("@prettier/plugin-xml")],
    bracketSpacing: false,
    printWidth: 88,
    proseWrap: "always",
    semi: true,
    trailingComma: "es5",
    xmlWhitespaceSensitivity: "preserve",
    // Odoo and OCA indent XML by four spaces
    tabWidth: 4,
};
