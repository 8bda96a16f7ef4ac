// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", function () {
  var img = document.getElementById("captcha-image");
  var btn = document.getElementById("captcha-refresh");
  function refresh() {
    img.src = img.getAttribute("data-refresh") + "&t=" + Date.now();
  }
  if (img) {
    img.addEventListener("click", refresh);
    if (btn) btn.addEventListener("click", refresh);
  }
  // A link that changes state (办理入口) is sent as a POST with the page's CSRF token; without
  // scripts the link's GET shows a page with the same POST form (no state change on GET).
  document.querySelectorAll("a[data-post]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var form = document.createElement("form");
      form.method = "post";
      form.action = link.getAttribute("href");
      var token = document.createElement("input");
      token.type = "hidden";
      token.name = "csrf_token";
      token.value = link.getAttribute("data-post");
      form.appendChild(token);
      document.body.appendChild(form);
      form.submit();
    });
  });
  document.querySelectorAll("[data-dismiss]").forEach(function (el) {
    el.addEventListener("click", function () {
      var target = document.getElementById(el.getAttribute("data-dismiss"));
      if (target) target.hidden = true;
    });
  });
});
