// hello: the example app `npm start` deploys. Answers on $PORT; /health is its readiness check.
const http = require('node:http');

const port = Number(process.env.PORT || 8080);
const greeting = process.env.GREETING || 'hello';

const server = http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok\n');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(`${greeting} from ${process.env.DROVER_HOST || 'somewhere'} (pid ${process.pid})\n`);
});

server.listen(port, '127.0.0.1', () => console.log(`hello listening on ${port}`));

process.on('SIGTERM', () => {
  console.log('hello: SIGTERM, closing');
  server.close(() => process.exit(0));
});
