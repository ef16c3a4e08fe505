// Jetty's form login sends a failed attempt back to login.html?error, and a throttled one to login.html?wait=N: say so.
const params = new URLSearchParams(location.search);
if (params.has('error')) document.body.classList.add('failed');
let left = parseInt(params.get('wait'), 10);
if (left > 0) {
  const seconds = document.getElementById('seconds');
  seconds.textContent = left;
  document.body.classList.add('throttled');
  const tick = setInterval(() => {
    left -= 1;
    seconds.textContent = left;
    if (left <= 0) {
      clearInterval(tick);
      document.body.classList.remove('throttled');
    }
  }, 1000);
}
