document.documentElement.setAttribute("data-marketing-ran", "yes");
