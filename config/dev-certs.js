// HTTPS options for `npm start`. First choice: office-addin-dev-certs, whose CA Office trusts once
// installed. It needs admin rights to install that CA (sudo on Linux); when it cannot, fall back to a
// self-signed localhost certificate kept in .certs/ (generated once, reused until it nears expiry).
const fs = require("fs");
const path = require("path");

const CERT_DIR = path.join(__dirname, "..", ".certs");
const KEY_FILE = path.join(CERT_DIR, "localhost.key");
const CERT_FILE = path.join(CERT_DIR, "localhost.crt");
const VALID_DAYS = 365;

async function officeDevCerts() {
  const devCerts = require("office-addin-dev-certs");
  // Never let a certificate install prompt hang the dev server.
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), 15000));
  const options = await Promise.race([devCerts.getHttpsServerOptions(), timeout]);
  return { key: options.key, cert: options.cert, ca: options.ca, kind: "office-addin-dev-certs" };
}

function selfSignedCerts() {
  const stillValid =
    fs.existsSync(KEY_FILE) &&
    fs.existsSync(CERT_FILE) &&
    Date.now() - fs.statSync(CERT_FILE).mtimeMs < (VALID_DAYS - 7) * 24 * 3600 * 1000;
  if (!stillValid) {
    const selfsigned = require("selfsigned");
    const pems = selfsigned.generate([{ name: "commonName", value: "localhost" }], {
      days: VALID_DAYS,
      keySize: 2048,
      algorithm: "sha256",
      extensions: [
        { name: "basicConstraints", cA: false },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
        { name: "extKeyUsage", serverAuth: true },
        { name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }, { type: 7, ip: "127.0.0.1" }] },
      ],
    });
    fs.mkdirSync(CERT_DIR, { recursive: true });
    fs.writeFileSync(KEY_FILE, pems.private, { mode: 0o600 });
    fs.writeFileSync(CERT_FILE, pems.cert);
  }
  return { key: fs.readFileSync(KEY_FILE), cert: fs.readFileSync(CERT_FILE), kind: "self-signed", certFile: CERT_FILE };
}

async function httpsOptions() {
  if (process.env.MINERDEBT_SELF_SIGNED !== "1") {
    try {
      return await officeDevCerts();
    } catch (error) {
      console.warn(`[minerdebt] office-addin-dev-certs unavailable (${error.message}); using a self-signed certificate.`);
    }
  }
  return selfSignedCerts();
}

module.exports = { httpsOptions, selfSignedCerts, CERT_FILE };
