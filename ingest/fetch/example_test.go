package fetch_test

import (
	"fmt"
	"net/url"

	"kehoach/ingest/fetch"
)

func ExampleParseRobots() {
	r := fetch.ParseRobots([]byte("User-agent: *\nDisallow: /tim-kiem\nAllow: /tim-kiem/van-ban$\nCrawl-delay: 2\n"))
	for _, p := range []string{"/van-ban/a.aspx", "/tim-kiem?q=x", "/tim-kiem/van-ban"} {
		u, _ := url.Parse("https://kontum.gov.vn" + p)
		fmt.Println(p, r.Allowed("kehoach", u))
	}
	fmt.Println(r.CrawlDelay("kehoach"))
	// Output:
	// /van-ban/a.aspx true
	// /tim-kiem?q=x false
	// /tim-kiem/van-ban true
	// 2s
}

func ExampleForHost() {
	for _, h := range []string{"thuvienphapluat.vn", "vbpl.vn", "sotttt.kontum.gov.vn"} {
		fmt.Println(h, fetch.ForHost(h).Name())
	}
	// Output:
	// thuvienphapluat.vn thuvienphapluat
	// vbpl.vn vbpl
	// sotttt.kontum.gov.vn portal
}
