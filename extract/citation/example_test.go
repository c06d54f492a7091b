package citation_test

import (
	"fmt"

	"kehoach/extract/citation"
)

func ExampleCanonicalSymbol() {
	fmt.Println(citation.CanonicalSymbol("3885/UBND –KGVX"))
	fmt.Println(citation.CanonicalSymbol("749/qd-ttg"))
	fmt.Println(citation.CanonicalSymbol("06/2019/TTBTTTT"))
	fmt.Println(citation.CanonicalSymbol("56-Ctr/TU"))
	// Output:
	// 3885/UBND-KGVX
	// 749/QĐ-TTg
	// 06/2019/TT-BTTTT
	// 56-CTr/TU
}

func ExampleTypeName() {
	fmt.Println(citation.TypeName("QĐ"), "|", citation.TypeName("CTr"), "|", citation.TypeName("văn bản"))
	// Output: Quyết định | Chương trình | Công văn
}

func ExampleFind() {
	text := "Căn cứ Nghị định số 43/2011/NĐ-CP ngày 13/6/2011 của Chính phủ;\n\n" +
		"Thực hiện Chỉ thị số 14/CT-TTg ngày 07/6/2019; Chỉ thị số 14/CT-TTg ngày 25/5/2018."
	for _, c := range citation.Find(text, nil, "", "") {
		fmt.Printf("%s %s %s %s/%s %s superseded_by=%q\n", c.Type, c.Number, c.Date, c.Role, c.Relation, c.Status, c.SupersededBy)
	}
	// Output:
	// Nghị định 43/2011/NĐ-CP 2011-06-13 basis/basis resolved superseded_by="42/2022/NĐ-CP"
	// Chỉ thị 14/CT-TTg 2019-06-07 mention/implements resolved superseded_by=""
	// Chỉ thị 14/CT-TTg 2018-05-25 mention/ resolved superseded_by=""
}
