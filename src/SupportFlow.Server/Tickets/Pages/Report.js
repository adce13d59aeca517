// Handbook suggestions while the reporter types: a small fetch to the page's suggestion handler.
(() => {
    const form = document.getElementById("report-form");
    const box = document.getElementById("suggestions");
    const list = document.getElementById("suggestion-list");
    const field = name => form.querySelector(`[name="${name}"]`);
    let timer = 0, asked = "";
    const ask = async () => {
        const text = `${field("title").value} ${field("description").value}`.trim();
        if (text === asked) return;
        asked = text;
        const url = `/tickets/new?handler=Suggest&text=${encodeURIComponent(text)}&module=${encodeURIComponent(field("module").value)}`;
        const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
        if (!response.ok || text !== asked) return;
        const articles = await response.json();
        list.replaceChildren(...articles.map(a => {
            const item = document.createElement("li");
            item.dataset.article = a.id;
            const link = document.createElement("a");
            link.href = `/faq/${a.id}`;
            link.target = "_blank";
            link.className = "ticket-link";
            link.textContent = a.title;
            const excerpt = document.createElement("small");
            excerpt.textContent = a.excerpt;
            item.append(link, document.createElement("br"), excerpt);
            if (box.dataset.reporter === "true") {
                const solved = document.createElement("button");
                solved.type = "button";
                solved.className = "small secondary solved";
                solved.textContent = box.dataset.solved;
                solved.addEventListener("click", () => {
                    document.getElementById("solved-article").value = a.id;
                    document.getElementById("solved-text").value = field("title").value || text;
                    document.getElementById("solved-form").submit();
                });
                item.append(" ", solved);
            }
            return item;
        }));
        box.hidden = articles.length === 0;
    };
    for (const name of ["title", "description", "module"]) {
        field(name).addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(ask, 300); });
    }
})();
