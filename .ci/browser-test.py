#!/usr/bin/env python3
"""The browser test of issue 9: DangBo's own server with a demo bloc, driven by Debian's chromium through selenium.

Logs in with the demo's admin account, finds a member by a name typed without tone marks, records a transfer out on
the member page, and sees the bloc's review count it. Usage: browser-test.py PATH/TO/dangbo
"""
import datetime, os, re, socket, subprocess, sys, tempfile, time, unicodedata, urllib.parse, urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

dangbo = sys.argv[1]
work = tempfile.mkdtemp(prefix="dangbo-browser-")
database = f"sqlite:{work}/demo.sqlite"

def fold(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").lower()

demo = subprocess.run([dangbo, "demo", "--members", "600", "--database", database], capture_output=True, text=True, check=True)
password = re.search(r"^\s+quantri\t(\S+)\t", demo.stdout, re.M).group(1)

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen([dangbo, "serve", "--database", database, "--port", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
base = f"http://127.0.0.1:{port}"
try:
    for _ in range(100):
        try:
            if urllib.request.urlopen(base + "/healthz", timeout=1).read() == b"ok":
                break
        except OSError:
            time.sleep(0.2)
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"]:
        options.add_argument(argument)
    # NB: the Debian driver, so that Selenium Manager never looks for one on the network.
    browser = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    try:
        browser.get(base + "/")
        assert "/dang-nhap" in browser.current_url, browser.current_url
        browser.find_element(By.NAME, "username").send_keys("quantri")
        browser.find_element(By.NAME, "password").send_keys(password)
        browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        # NB: a click does not wait for the page it leads to; the dashboard is slow in a debug build under load.
        WebDriverWait(browser, 60).until(lambda b: "/dang-nhap" not in b.current_url and "Tổng quan" in b.page_source)

        today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=7)).date()
        day = f"{today.day}/{today.month}/{today.year}"
        review = f"{base}/bao-cao/so-ket?to-chuc=DUK&tu=1/{today.month}/{today.year}&den={day}"
        def transfers_out():
            browser.get(review)
            row = browser.find_element(By.XPATH, "//tr[td[1][normalize-space()='Chuyển sinh hoạt đi']]/td[2]")
            return int(row.text.replace(".", ""))
        before = transfers_out()

        browser.get(base + "/dang-vien?dang-vien=chinh-thuc")
        names = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "tbody td a")][:5]
        recorded = None
        for name in names:
            browser.get(base + "/dang-vien?q=" + urllib.parse.quote_plus(fold(name)))
            link = browser.find_element(By.LINK_TEXT, name)  # found without tone marks
            browser.get(link.get_attribute("href"))
            # The member page offers one form per event that can apply (UX.md "Forms").
            forms = browser.find_elements(By.CSS_SELECTOR, "a[href$='/bien-dong/transferred_out']")
            if not forms:
                continue
            member_page = urllib.parse.urlparse(browser.current_url).path
            browser.get(forms[0].get_attribute("href"))
            browser.find_element(By.NAME, "ngay-hieu-luc").clear()
            browser.find_element(By.NAME, "ngay-hieu-luc").send_keys(day)
            browser.find_element(By.NAME, "so-quyet-dinh").send_keys("1-QĐ/ĐUK")
            form_page = browser.current_url
            browser.find_element(By.CSS_SELECTOR, "form.event-form button[type=submit]").click()
            # NB: recorded, the post redirects to the member page; refused, it answers the form again with its errors.
            WebDriverWait(browser, 60).until(lambda b: b.current_url != form_page or b.find_elements(By.CSS_SELECTOR, "p.error"))
            if urllib.parse.urlparse(browser.current_url).path == member_page and not browser.find_elements(By.CSS_SELECTOR, "p.error"):
                recorded = name
                break
        assert recorded, "no transfer out could be recorded"
        after = transfers_out()
        assert after == before + 1, (before, after)
        print(f"browser test: logged in, found {fold(recorded)!r}, recorded a transfer out; the review went {before} -> {after}")

        # A month's meeting as a secretary records it: the cell and the day, then the roll as it comes (everyone
        # present, no chair chosen), one click; the meetings page names it (issue 11).
        browser.get(base + "/sinh-hoat/moi")
        browser.find_element(By.NAME, "ngay-hop").send_keys("2/11/2026")
        browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
        WebDriverWait(browser, 60).until(lambda b: b.find_elements(By.CSS_SELECTOR, "form.meeting"))
        roll = len(browser.find_elements(By.CSS_SELECTOR, "table.attendance tbody tr"))
        browser.find_element(By.CSS_SELECTOR, "form.meeting button[type=submit]").click()
        WebDriverWait(browser, 60).until(lambda b: b.find_elements(By.CSS_SELECTOR, "p.notice, p.error"))
        errors = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "p.error")]
        assert not errors and "Đã ghi biên bản buổi sinh hoạt" in browser.page_source, errors
        print(f"browser test: recorded a meeting with a roll of {roll}")
    finally:
        browser.quit()
finally:
    server.terminate()
    server.wait(timeout=10)
