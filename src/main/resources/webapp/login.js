// Jetty's form login sends a failed attempt back to login.html?error: say so.
if (new URLSearchParams(location.search).has('error')) document.body.classList.add('failed');
