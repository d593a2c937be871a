import net from "node:net";

/** One message as the listener received it: the envelope and the raw DATA (headers and body). */
export type Received = { from: string; to: string[]; data: string };

/** A tiny SMTP server speaking the real dialogue (220, EHLO/HELO, MAIL FROM, RCPT TO, DATA, QUIT). */
export async function smtpListener(port = 0) {
  const received: Received[] = [];
  const server = net.createServer((sock) => {
    sock.setEncoding("utf8");
    let buf = "";
    let inData = false;
    let cur: Received = { from: "", to: [], data: "" };
    sock.write("220 test.local ESMTP ready\r\n");
    sock.on("data", (chunk: string) => {
      buf += chunk;
      let i: number;
      while ((i = buf.indexOf("\r\n")) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(cur);
            cur = { from: "", to: [], data: "" };
            sock.write("250 2.0.0 queued\r\n");
          } else cur.data += `${line.startsWith("..") ? line.slice(1) : line}\n`;
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === "EHLO" || cmd === "HELO") sock.write("250 test.local\r\n");
        else if (cmd === "MAIL") {
          cur.from = /<(.*)>/.exec(line)?.[1] ?? "";
          sock.write("250 2.1.0 OK\r\n");
        } else if (cmd === "RCPT") {
          cur.to.push(/<(.*)>/.exec(line)?.[1] ?? "");
          sock.write("250 2.1.5 OK\r\n");
        } else if (cmd === "DATA") {
          inData = true;
          sock.write("354 End data with <CR><LF>.<CR><LF>\r\n");
        } else if (cmd === "QUIT") {
          sock.write("221 2.0.0 Bye\r\n");
          sock.end();
        } else if (cmd === "RSET" || cmd === "NOOP") sock.write("250 OK\r\n");
        else sock.write("502 5.5.2 Command not recognized\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as net.AddressInfo;
  return { received, port: address.port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
