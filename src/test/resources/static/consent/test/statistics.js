document.documentElement.setAttribute("data-statistics-ran", "yes");
