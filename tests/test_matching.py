"""The document-type matcher: what it must match, and what it must leave to a reviewer."""

from __future__ import annotations

import unicodedata

import pytest

from checker.catalog import load_reference
from checker.matching import CONFIDENT, Matcher
from checker.text import says_data_lookup
from tests import matcher_quality
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def matcher():
    doc_types, _, _ = load_reference(ROOT / "catalogs")
    return Matcher(doc_types)


def _type(matcher, text):
    m = matcher.match(text)
    return m.document_type if m.confidence >= CONFIDENT else ""


@pytest.mark.parametrize("text,expected", [
    ("Bản sao có chứng thực Giấy khai sinh của con", "giay_khai_sinh"),
    ("Ban sao co chung thuc Giay khai sinh", "giay_khai_sinh"),                      # diacritics lost (OCR)
    (unicodedata.normalize("NFD", "Giấy khai sinh"), "giay_khai_sinh"),               # decomposed
    ("GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP", "gcn_dang_ky_doanh_nghiep"),
    ("Bản sao được cấp từ sổ gốc hoặc bản sao được chứng thực từ bản chính Giấy khai sinh", "giay_khai_sinh"),
    ("a) Bản sao hoặc bản chụp kèm bản chính để đối chiếu Giấy phép lái xe", "giay_phep_lai_xe"),
    ("Giay khai slnh cua con", "giay_khai_sinh"),                                     # one OCR slip
    ("Giấy tờ về đăng ký xe gồm một trong các giấy tờ sau: Bản chính chứng nhận đăng ký xe", "dang_ky_xe"),
    ("Tờ khai đề nghị cấp đổi giấy phép lái xe", "to_khai"),                          # a form, not a licence
    # The document named in a consequent clause, after a case or a role.
    ("Trường hợp chủ tàu là cá nhân thì nộp hộ chiếu (bản sao kèm bản chính)", "ho_chieu"),
    ("- Công dân Việt Nam định cư ở nước ngoài phải nộp bản sao hộ chiếu.", "ho_chieu"),
    ("Đối với dự án đầu tư ra nước ngoài, nhà đầu tư nộp văn bản của cơ quan nhà nước có thẩm quyền",
     "van_ban_co_quan_nha_nuoc"),
    ("Trình Biên phòng cửa khẩu: Hộ chiếu hoặc giấy tờ có giá trị đi lại quốc tế của thuyền viên", "ho_chieu"),
    ("1.2. Lao động nữ sinh con là bản sao giấy khai sinh hoặc trích lục khai sinh của con", "giay_khai_sinh"),
    # Nested lists: the first document under the last generic head.
    ("* Thành phần hồ sơ 2 (nếu có): Một hoặc một số giấy tờ làm căn cứ xét duyệt, gồm: - Giấy tờ gốc hoặc "
     "được coi như giấy tờ gốc: + Quyết định phục viên, xuất ngũ", "giay_chung_nhan_nghia_vu_quan_su"),
    # Asides, spelled-out counts and a missing "Giấy".
    ("Giấy chứng nhận (bản gốc) đã cấp", "gcn_quyen_su_dung_dat"),
    ("+ 03 (ba) Thông báo kết quả kiểm tra nhà nước về chất lượng", "kiem_tra_chuyen_nganh"),
    ("02 ảnh (3x4 cm) của người đề nghị", "anh_the"),
    # A paper of no known kind, typed by the issuer it names.
    ("Giấy tờ chứng minh thông tin lý lịch tư pháp do cơ quan có thẩm quyền nước ngoài cấp", "giay_to_nuoc_ngoai"),
    ("Bản gốc (hoặc bản sao đã được chứng thực) Giấy chứng nhận cư trú do cơ quan thuế của nước cư trú cấp",
     "giay_to_nuoc_ngoai"),
    ("Văn bản kết luận của cơ quan có thẩm quyền về việc sử dụng tên hợp tác xã", "van_ban_co_quan_nha_nuoc"),
    ("Bản dịch giấy phép lái xe nước ngoài ra tiếng Việt", "giay_to_nuoc_ngoai"),
    ("Quyết định cử cán bộ đi học của Thủ trưởng, Giám đốc Công an các đơn vị, địa phương;",
     "van_ban_co_quan_nha_nuoc"),
    ("Bản sao hợp lệ Quyết định hoặc Văn bản thông báo của cấp có thẩm quyền phê duyệt chủ trương đầu tư dự án.",
     "van_ban_co_quan_nha_nuoc"),
    # A form file name glued on by the portal.
    ("Giấy chứng nhận đăng ký tàu biểnGCN ĐK tàu biển (1).docx", "gcn_dang_ky_tau_bien"),
    # More ways a case names what it demands.
    ("Trường hợp người tham gia là người đã hiến bộ phận cơ thể người theo quy định của pháp luật: bổ sung "
     "Giấy ra viện có ghi rõ \"đã hiến bộ phận cơ thể\".", "giay_ra_vien"),
    ("đ) Trường hợp nhập khẩu mẫu vật từ quốc gia không phải là thành viên CITES: ngoài thành phần hồ sơ quy định "
     "tại điểm a, nộp thêm bản sao giấy phép xuất khẩu, tái xuất khẩu do Cơ quan có thẩm quyền nước xuất khẩu cấp",
     "giay_to_nuoc_ngoai"),
    ("Trường hợp là nhà chung cư, tòa nhà hỗn hợp có nhà ở phải có biên bản nghiệm thu việc đã hoàn thành thi công "
     "xây dựng phần móng", "bien_ban_nghiem_thu"),
    ("Trường hợp xóa đăng ký theo yêu cầu của người yêu cầu xóa đăng ký thì bản án, quyết định có hiệu lực của Tòa "
     "án là tài liệu phải có trong Hồ sơ đăng ký (01 bản chính hoặc 01 bản sao có chứng thực)", "ban_an"),
    # "01 bản Kế hoạch" is a plan, not the "bản kê" of a list; "tái xuất" is no "tại" reference.
    ("01 bản Kế hoạch an ninh cảng biển có xác nhận của giám đốc doanh nghiệp cảng", "phuong_an_ke_hoach"),
    ("c) Quyết định buộc tái xuất của cơ quan có thẩm quyền (nếu có): 01 bản chụp.", "van_ban_co_quan_nha_nuoc"),
    # A confirmation is itself the paper when it heads the component.
    ("h) Xác nhận của cơ quan thuế về việc chủ đầu tư dự án đã hoàn thành nghĩa vụ tài chính",
     "van_ban_co_quan_nha_nuoc"),
    ("Thư bảo lãnh của Bộ Tài chính", "van_ban_co_quan_nha_nuoc"),
    ("Bản sao có chứng thực, bản sao chứng thực điện tử hoặc bản sao kèm bản chính để đối chiếu Giấy đăng ký hoạt "
     "động của chi nhánh đã được cấp", "giay_dang_ky_hoat_dong"),
    ("Bản chụp trang nhân thân hộ chiếu", "ho_chieu"),
    ("Bản sao giấy chứng nhận đăng ký phương tiện cơ giới đường bộ; phương tiện đường thủy nội địa", "dang_ky_xe"),
    ("- Giấy chứng nhận nguồn gốc thủy sản khai thác do cơ quan thẩm quyền của nước có tàu cá mang cờ cấp",
     "giay_to_nuoc_ngoai"),
    # A foreigner's passport, a ship under a foreign flag: issued abroad, not in a Vietnamese database.
    ("Hộ chiếu hoặc giấy tờ có giá trị đi lại quốc tế của người nước ngoài.", "giay_to_nuoc_ngoai"),
    ("- Bản sao Giấy chứng nhận đăng ký tàu biển đối với tàu đăng ký mang cờ quốc tịch nước ngoài.",
     "giay_to_nuoc_ngoai"),
    # Syllables that repeat once folded ("quan quản", "bàn giao") are words, not typos.
    ("Biên bản bàn giao tàu (kèm bản dịch công chứng)", "hop_dong"),
    ("Văn bản của cơ quan quản lý nhà nước về bảo hiểm cho phép đặt văn phòng đại diện", "van_ban_co_quan_nha_nuoc"),
    # Longer copy-form wordings are read past, counts included.
    ("01 bản sao có chứng thực hoặc 01 bản sao kèm bản chính để đối chiếu hoặc 01 bản sao điện tử có chứng thực "
     "từ bản chính: Quyết định thành lập tổ chức", "quyet_dinh_thanh_lap"),
    ("- Bản sao có chứng thực hoặc tệp tin bản sao điện tử được chứng thực theo quy định: Chứng chỉ hành nghề (nếu có)",
     "chung_chi_hanh_nghe"),
    ("- Bản sao kèm bản chính để đối chiếu hoặc bản sao do chính cơ quan, tổ chức hoặc cá nhân đã lập bản chính xác "
     "thực hoặc bản sao điện tử từ sổ gốc hoặc bản sao điện tử có chứng thực từ bản chính hợp đồng thuê tàu bay", "hop_dong"),
    ("Bản sao hợp pháp văn bằng, chứng chỉ: mỗi thứ 01 bản.", "van_bang_chung_chi"),
    ("Bản sao có chứng thực hoặc bản sao điện tử có giá trị pháp lý văn bản của cơ quan quản lý nhà nước có thẩm "
     "quyền cho phép thành lập hội", "van_ban_co_quan_nha_nuoc"),
    ("Bản chính, bản chứng thực hoặc bản sao kèm bản chính để đối chiếu các bản vẽ hoàn công hệ thống phòng cháy",
     "ban_ve_thiet_ke"),
    # The foreign issuer is read past the copy form, and past list numbering ("6. ").
    ("- Bản sao có chứng thực hoặc tệp tin bản sao điện tử được chứng thực theo quy định: văn bằng, giấy phép năng "
     "lực hành nghề do cơ sở đào tạo nước ngoài, cơ quan, tổ chức nước ngoài cấp đã được hợp pháp hóa lãnh sự",
     "giay_to_nuoc_ngoai"),
    # ... but a sub-case ("trong đó …") is not the document demanded.
    ("6. Bản sao các văn bằng, chứng chỉ chứng minh trình độ chuyên môn của nhân sự, trong đó văn bằng của người có "
     "quốc tịch Việt Nam do cơ sở giáo dục nước ngoài cấp phải được công nhận", "van_bang_chung_chi"),
    ("- Mẫu Giấy chứng nhận kiểm dịch của cơ quan có thẩm quyền của nước nhập khẩu (nếu có).", "giay_to_nuoc_ngoai"),
    ("++++ Bản gốc xác nhận của Cơ quan thuế nước ngoài về số thuế đã nộp.", "giay_to_nuoc_ngoai"),
    ("- Quyết định cho phép hợp nhất, Quyết định cho phép sáp nhập;", "van_ban_co_quan_nha_nuoc"),
    ("+ Giấy phép quá cảnh đối với trường hợp hàng quá cảnh phải có giấy phép: 01 bản chính.", "giay_phep_xuat_nhap_khau"),
    ("5. Chỉ định của cơ sở KCB, cơ sở chỉnh hình, phục hồi chức năng theo quy định về trang cấp PTTGSH (nếu có)",
     "giay_ra_vien"),
    ("d) Bản chụp bằng hoặc chứng chỉ thuyền trưởng, máy trưởng", "chung_chi_chuyen_mon"),
    # A letter of introduction is the applicant's own paper, unless a state body writes it.
    ("Giấy giới thiệu của cơ quan, tổ chức, doanh nghiệp đối với trường hợp ủy quyền nộp hồ sơ", "giay_gioi_thieu"),
    ("Giấy giới thiệu của Bộ chỉ huy quân sự cấp tỉnh (nơi cư trú)", "van_ban_co_quan_nha_nuoc"),
    # A draft is typed by the applicant's paper it drafts; a draft of a state paper stays a draft.
    ("+ Dự thảo hợp đồng (đối với dự án áp dụng hợp đồng BT không yêu cầu thanh toán);", "hop_dong"),
    ("- Dự thảo phương án bảo vệ công trình thủy lợi theo Mẫu số 03", "phuong_an_ke_hoach"),
    ("Dự thảo Nghị quyết của Hội đồng nhân dân cấp tỉnh về việc phê duyệt điều chỉnh chương trình phát triển nhà ở.",
     "du_thao_van_ban"),
    ("c) Dự thảo văn bản chuyển nhượng, chuyển giao khoản vay (nếu có)", "du_thao_van_ban"),
    # A list announced before the colon ("… một trong các giấy tờ sau:"), "chứng thực từ" read past.
    ("Người yêu cầu chứng thực xuất trình một trong các giấy tờ sau: Căn cước điện tử; bản chính hoặc bản sao của "
     "Thẻ căn cước công dân", "cccd"),
    # Two identity papers in a row offer a choice: any identity paper, not the first one (an old identity card
    # first would read as obsolete). One identity paper, or one followed by a paper of another kind, stays itself.
    ("Chứng minh nhân dân/Căn cước công dân", "giay_to_tuy_than"),
    ("Bản chụp một trong những giấy tờ sau: Thẻ Căn cước công dân, Chứng minh nhân dân, Giấy xác nhận thông tin về "
     "cư trú", "giay_to_tuy_than"),
    ("b) Bản sao có chứng thực giấy chứng minh nhân dân hoặc thẻ căn cước hoặc hộ chiếu;", "giay_to_tuy_than"),
    ("Bản sao Căn cước công dân của người đề nghị", "cccd"),
    ("Thẻ căn cước công dân, sổ hộ khẩu của người đề nghị", "cccd"),
    ("Hộ chiếu và thị thực còn giá trị", "ho_chieu"),
    # A passport the row gives to a foreigner is a foreign one; to foreigners and Vietnamese alike, unknown (review).
    ("Trường hợp chủ tàu là cá nhân người nước ngoài thì nộp hộ chiếu (bản sao kèm bản chính để đối chiếu)",
     "giay_to_nuoc_ngoai"),
    ("Đối với người nước ngoài: Hộ chiếu hoặc giấy tờ có giá trị đi lại quốc tế", "giay_to_nuoc_ngoai"),
    ("Hộ chiếu còn thời hạn sử dụng (đối với người nước ngoài, người Việt Nam định cư ở nước ngoài)", ""),
    ("Hộ chiếu còn thời hạn sử dụng", "ho_chieu"),
    ("Trường hợp chủ tàu là tổ chức nước ngoài thì nộp giấy phép thành lập chi nhánh tại Việt Nam",
     "giay_phep_thanh_lap"),
    # Not a slip of "giấy chứng sinh"; a training course's graduation paper is no diploma; an aside's case is no demand.
    ("c. Bản sao giấy chứng minh thư, hộ chiếu hoặc chứng thực cá nhân hợp pháp khác", "giay_to_tuy_than"),
    ("Bản sao giấy chứng nhận tốt nghiệp khóa đào tạo pháp luật về sở hữu công nghiệp", "chung_chi_chuyen_mon"),
    ("Giấy tờ chứng minh có địa điểm hợp pháp để đặt trụ sở (trường hợp giấy tờ chứng minh địa điểm hợp pháp có "
     "thành phần là bản sao giấy chứng nhận quyền sử dụng đất thì sử dụng dữ liệu trên cơ sở dữ liệu về Đất đai)", ""),
    ("Quyết định tuyển dụng hoặc hợp đồng lao động của tổ chức đối với người có Chứng chỉ hành nghề", ""),
    # A lab's test report is no report of the applicant's own; the applicant's report on its own trial is.
    ("k) Báo cáo thử nghiệm khí thải", "ket_qua_thu_nghiem"),
    ("d) Chứng thư giám định lượng (đối với trường hợp quy định tại Điểm a Khoản 4 Điều 4 Thông tư này)",
     "ket_qua_thu_nghiem"),
    ("- Báo cáo kết quả thử nghiệm theo Phụ lục V ban hành kèm theo Nghị định 94/2025/NĐ-CP.", "bao_cao"),
    # Papers of people with merit named in Nghị định 131/2021/NĐ-CP (the Mẫu số 93 slip is not "phiếu báo điểm").
    ("Phiếu báo di chuyển hồ sơ (Mẫu số 93 Phụ lục I Nghị định số 131/2021/NĐ-CP)", "giay_to_nguoi_co_cong"),
    ("Bản trích lục hồ sơ thương binh", "giay_to_nguoi_co_cong"),
    ("2. Bản sao được chứng thực từ giấy báo tử hoặc trích lục khai tử.", "giay_bao_tu"),
    ("Bản sao được chứng thực từ căn cước công dân", "cccd"),                          # NQ 66.7 Phụ lục I wording
    ("Bản sao có chứng thực hoặc bản sao có xuất trình bản chính để đối chiếu Giấy chứng nhận đủ điều kiện về an "
     "ninh, trật tự.", "gcn_an_ninh_trat_tu"),
    ("Bản sao chứng thực hoặc bản chụp/photo kèm bản chính để đối chiếu bằng tốt nghiệp trung học cơ sở",
     "van_bang_chung_chi"),
    # Another identity paper offered with "hoặc" a few words on; not past another demand.
    ("- Hộ chiếu hoặc giấy tờ có giá trị thay thế hộ chiếu, chứng minh nhân dân,  thẻ căn cước công dân, thẻ căn "
     "cước hoặc các giấy tờ khác có dán ảnh", "giay_to_tuy_than"),
    ("Bản sao thẻ Căn cước hoặc thẻ Căn cước công dân hoặc hộ chiếu", "giay_to_tuy_than"),
    ("Hộ chiếu của thuyền viên; hộ chiếu hoặc giấy tờ có giá trị đi lại quốc tế hoặc Thẻ Căn cước của hành khách;",
     "ho_chieu"),
    ("+ Đối với hành khách (nếu có): Hộ chiếu hoặc giấy tờ có giá trị đi lại quốc tế hoặc Giấy chứng minh nhân dân "
     "hoặc thẻ Căn cước công dân.", "ho_chieu"),                      # border papers: foreigners' among them
    # The head paper is the domestic one when the row says so; the foreign paper is the alternative.
    ("Bản sao Giấy chứng nhận đăng ký hoạt động giám định (đối với tổ chức giám định trong nước) hoặc bản sao văn "
     "bản cho phép hoạt động giám định của cơ quan có thẩm quyền nước ngoài", "giay_dang_ky_hoat_dong"),
    ("Văn bản của Bộ, ngành hoặc chính quyền địa phương nước ngoài phụ trách cho phép tổ chức nước ngoài lập văn "
     "phòng đại diện tại Việt Nam;", "giay_to_nuoc_ngoai"),
    # The other party's state, and a paper translated from a foreign language, are foreign issuers.
    ("Giấy Giới thiệu của cơ quan có thẩm quyền của phía Trung Quốc", "giay_to_nuoc_ngoai"),
    ("+ Văn bản của Bộ Thương mại Vương quốc Campuchia đề nghị cho phép quá cảnh hàng hóa: 01 bản chính",
     "giay_to_nuoc_ngoai"),
    ("Văn bản của Bộ Công Thương nước Cộng hòa xã hội chủ nghĩa Việt Nam", "van_ban_co_quan_nha_nuoc"),
    # Opinions of state bodies consulted during an appraisal; "Ý" is no list letter.
    ("- Văn bản góp ý kiến của các cơ quan, đơn vị liên quan;", "van_ban_co_quan_nha_nuoc"),
    ("Ý kiến bằng văn bản của Ủy ban nhân dân cấp tỉnh có liên quan;", "van_ban_co_quan_nha_nuoc"),
    # "trong đó có …" describes the paper; it is no sub-case.
    ("Bản chính văn bản xác nhận là nhà sản xuất trong đó có thuốc bảo vệ thực vật đề nghị cấp giấy phép khảo nghiệm "
     "do cơ quan có thẩm quyền của nước sở tại cấp", "giay_to_nuoc_ngoai"),
    ("Giấy chứng nhận kiểm định an toàn kỹ thuật và bảo vệ môi trường (bản sao có chứng thực kèm bản dịch có chứng "
     "thực các giấy tờ, văn bản từ tiếng Trung sang tiếng Việt)", "giay_to_nuoc_ngoai"),
    ("Đối với Công an nhân dân: Giấy giới thiệu của Thủ trưởng đơn vị quản lý trực tiếp ghi rõ nội dung để làm thủ "
     "tục đăng ký tạm trú", "van_ban_co_quan_nha_nuoc"),
    # The equivalent paper of a foreign firm is its own registration abroad ...
    ("(2) Bản sao Giấy đăng ký kinh doanh hoặc giấy tờ có giá trị tương đương của doanh nghiệp kinh doanh dịch vụ lữ "
     "hành nước ngoài;", "giay_to_nuoc_ngoai"),
    ("4) Bản sao Giấy chứng nhận đăng ký hoạt động lưu ký chứng khoán hoặc tài liệu tương đương của tổ chức lưu ký tại "
     "nước ngoài;", "giay_to_nuoc_ngoai"),
    # ... but a foreign firm's branch, or a firm with foreign capital, is registered in Viet Nam.
    ("Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc giấy tờ tương đương của doanh nghiệp có vốn đầu tư nước ngoài",
     "gcn_dang_ky_doanh_nghiep"),
    ("Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc giấy tờ tương đương của chi nhánh doanh nghiệp nước ngoài",
     "gcn_dang_ky_doanh_nghiep"),
    # Customs, the bodies conducting criminal proceedings, "cơ quan, tổ chức có thẩm quyền": state issuers.
    ("b) Văn bản xác nhận của cơ quan Hải quan về tình trạng lô hàng quá cảnh: 01 bản chính.", "van_ban_co_quan_nha_nuoc"),
    ("b) Văn bản của cơ quan tiến hành tố tụng xác định người có yêu cầu trợ giúp pháp lý là trẻ em;",
     "van_ban_co_quan_nha_nuoc"),
    ("Bản sao quyết định của cơ quan, tổ chức có thẩm quyền cho phép đổi tên doanh nghiệp", "van_ban_co_quan_nha_nuoc"),
    # Exam results, training certificates of a profession, transcripts.
    ("- Kết quả sát hạch đạt yêu cầu còn hiệu lực;", "chung_chi_chuyen_mon"),
    ("b) Bản sao chứng thực chứng chỉ đào tạo nghiệp vụ thẩm định giá phù hợp với lĩnh vực chuyên môn dự thi",
     "chung_chi_chuyen_mon"),
    ("+ Văn bản ghi kết quả học tập trong trường hợp bằng tốt nghiệp không thể hiện chuyên ngành", "van_bang_chung_chi"),
    # Abbreviations officials write: "VB" is "văn bản", "UBND" is "Ủy ban nhân dân".
    ("Văn bản xác nhận của UBND cấp xã đối với các trường hợp quy định tại điểm a, b, c khoản 2 Điều 4",
     "van_ban_xac_nhan_ubnd"),
    ("VB đề nghị cấp lại Chứng chỉ hành nghề luật sư", "don_de_nghi"),
    # The head paper's Vietnamese issuer comes first: the foreign issuer named later issues another paper.
    ("- Phiếu lý lịch tư pháp do cơ quan có thẩm quyền của Việt Nam cấp đối với thời gian cư trú ở Việt Nam, Phiếu lý "
     "lịch tư pháp do cơ quan có thẩm quyền của nước ngoài cấp đối với thời gian cư trú ở nước ngoài",
     "ly_lich_tu_phap"),
    # ... but a body "của Trung Quốc", or a ministry of the exporting country, is one foreign issuer.
    ("Giấy phép vận chuyển hàng nguy hiểm do cơ quan có thẩm quyền của Trung Quốc cấp (bản sao có chứng thực kèm bản "
     "dịch có chứng thực các giấy tờ, văn bản từ tiếng Trung sang tiếng Việt)", "giay_to_nuoc_ngoai"),
    ("Giấy chứng nhận kiểm dịch do Bộ Nông nghiệp nước xuất khẩu cấp", "giay_to_nuoc_ngoai"),
    ("Bản sao có chứng thực Giấy phép nhập khẩu của nước nhập khẩu trong trường hợp đề nghị cấp giấy phép xuất khẩu",
     "giay_to_nuoc_ngoai"),
    # A translation demanded only for a paper in another language says nothing about the paper demanded.
    ("Bản sao bằng tốt nghiệp đại học; trường hợp văn bằng bằng tiếng nước ngoài thì kèm bản dịch sang tiếng Việt",
     "van_bang_chung_chi"),
    # Decisions only a state body can make, named by their subject alone: tax deferral, state ownership, benefits.
    ("Quyết định gia hạn nộp thuế theo quy định tại Điều 6 Thông tư (nếu có);", "van_ban_co_quan_nha_nuoc"),
    ("- Quyết định xác lập quyền sở hữu toàn dân (đối với tài sản được xác lập quyền sở hữu toàn dân): 01 bản chính",
     "van_ban_co_quan_nha_nuoc"),
    ("b) Quyết định hưởng trợ cấp xã hội hàng tháng; Quyết định tiếp nhận đối tượng vào chăm sóc, nuôi dưỡng",
     "van_ban_co_quan_nha_nuoc"),
    ("- Quyết định công nhận ban vận động thành lập hội kèm theo danh sách thành viên ban vận động (bản chính);",
     "van_ban_co_quan_nha_nuoc"),
    # War-merit papers of Decree 131/2021 and the social-assistance papers of Decree 81/2021.
    ("- Bản sao được chứng thực từ một trong các giấy tờ sau: giấy chứng nhận gia đình hoặc thân nhân liệt sĩ; quyết "
     "định trợ cấp thờ cúng liệt sĩ,", "giay_to_nguoi_co_cong"),
    ("Giấy xác nhận của cơ quan quản lý đối tượng người có công đối với đối tượng được quy định tại khoản 1 Điều 15",
     "giay_to_nguoi_co_cong"),
    ("c) Huân chương Kháng chiến, Huy chương Kháng chiến, Bằng Bà mẹ Việt Nam anh hùng;", "khen_thuong"),
    # The channel a copy form depends on is part of the copy form: the paper comes after it.
    ("4) Bản sao từ sổ gốc hoặc bản sao có chứng thực hoặc bản sao và xuất trình bản chính để đối chiếu (trường hợp "
     "nộp hồ sơ trực tiếp); bản sao từ sổ gốc hoặc bản sao có chứng thực (trường hợp gửi hồ sơ qua bưu chính hoặc trên "
     "môi trường điện tử) các quyết định về danh hiệu thi đua và hình thức khen thưởng (nếu có).", "khen_thuong"),
    ("Bản sao có chứng thực hoặc bản sao có xuất trình bản chính để đối chiếu (trường hợp nộp hồ sơ trực tiếp); bản "
     "sao có chứng thực (trường hợp gửi hồ sơ trực tuyến hoặc qua đường bưu điện) chứng chỉ đã hoàn thành chương trình "
     "đào tạo, tập huấn", "chung_chi_chuyen_mon"),
    ("-Tài liệu của cơ quan thuế chứng minh không còn nợ thuế quá hạn;", "chung_tu_nop_thue"),
    # One identity paper named again under another name is no alternative; the passport after it is.
    ("+ Xuất trình bản chính hoặc bản sao chứng thực Thẻ căn cước công dân/Thẻ căn cước/Giấy chứng nhận căn cước hoặc "
     "Hộ chiếu, giấy tờ xuất nhập cảnh còn giá trị sử dụng", "giay_to_tuy_than"),
    ("Bản sao Hộ chiếu Việt Nam, Giấy chứng minh nhân dân hoặc giấy tờ khác quy định tại Điều 11 của Luật quốc tịch",
     "giay_to_tuy_than"),
    # The labour authority's decisions on unemployment benefit; "thì đính kèm" demands the paper after it.
    ("Quyết định về việc tạm dừng hưởng trợ cấp thất nghiệp theo Mẫu số 14", "van_ban_co_quan_nha_nuoc"),
    ("Thông báo của Tổ chức dịch vụ việc làm công nơi người lao động chuyển đi với cơ quan BHXH về việc dừng chi trả "
     "trợ cấp thất nghiệp theo Mẫu số 19", "van_ban_co_quan_nha_nuoc"),
    ("Trường hợp thân nhân là con từ đủ 18 tuổi trở lên đang đi học thì đính kèm bản điện tử giấy xác nhận của cơ sở "
     "giáo dục nơi đang theo học", "giay_to_giao_duc"),
    ("Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp sản xuất, kinh doanh thực phẩm do cơ sở y tế cấp",
     "giay_kham_suc_khoe"),
    # A patent is an industrial-property title, not a diploma; a registration form for an award is the applicant's.
    ("Sáng chế, giải pháp hữu ích được cấp văn bằng bảo hộ: Bản sao văn bằng độc quyền sáng chế, giải pháp hữu ích",
     "van_bang_bao_ho"),
    ("Giấy đăng ký hoạt động xét tặng giải thưởng chất lượng sản phẩm, hàng hoá (theo Mẫu số 01)", "don_de_nghi"),
    # A case's own words are no paper ("đề nghị" is the request): the paper is what the case demands.
    ("+ Đối với đề nghị bổ sung là cha đẻ mẹ đẻ, vợ hoặc chồng liệt sĩ: Căn cước công dân, lý lịch cán bộ", "cccd"),
    ("- Bản sao được chứng thực từ một trong các giấy tờ chứng minh mối quan hệ với liệt sĩ như sau: + Đối với đề nghị "
     "bổ sung là cha đẻ mẹ đẻ, vợ hoặc chồng liệt sĩ: Căn cước công dân, lý lịch cán bộ, lý lịch đảng viên", "cccd"),
    # A long case before a bulleted list: the list's first paper. A paper before the list stays the paper.
    ("(1) Thanh niên xung phong đang hưởng bảo hiểm y tế theo Quyết định số 170/2008/QĐ-TTg chết: - Giấy khai tử do "
     "Ủy ban nhân dân cấp xã cấp. - Bản khai của người hoặc tổ chức lo mai táng", "trich_luc_khai_tu"),
    ("Báo cáo tình hình hoạt động của doanh nghiệp trong thời gian được cấp phép, gồm các nội dung chính sau: - Giấy "
     "phép đã được cấp; - số lao động", "bao_cao"),
    # "Bảo sao" is a slip of "Bản sao".
    ("-  Bảo sao Giấy chứng nhận đăng ký kinh doanh hoặc Giấy chứng nhận đăng ký doanh nghiệp", "gcn_dang_ky_doanh_nghiep"),
    # State issuers: the social-insurance agency, the licensing authority, a letter offered instead of a decision.
    ("- Văn bản xác nhận của cơ quan bảo hiểm xã hội nơi người sử dụng lao động đóng bảo hiểm thất nghiệp cho người "
     "lao động", "van_ban_co_quan_nha_nuoc"),
    ("(2) Bản sao văn bản của Cơ quan cấp Giấy phép không gia hạn Giấy phép thành lập Văn phòng đại diện",
     "van_ban_co_quan_nha_nuoc"),
    ("(ii) Bản sao Quyết định hoặc văn bản thể hiện ý kiến chỉ đạo của Thủ tướng Chính phủ về nội dung thay đổi",
     "van_ban_co_quan_nha_nuoc"),
    # Sample I: wordings of known papers, copy forms, and a row lettered "f." whose case demands the paper.
    ("Xác nhận của cơ quan có thẩm quyền về hộ nghèo", "giay_chung_nhan_ho_ngheo"),
    ("- Giấy xác nhận người khuyết tật đối với người lao động là người khuyết tật;", "giay_xac_nhan_khuyet_tat"),
    ("Chứng từ/giấy tờ chứng minh đã hoàn thành nghĩa vụ tài chính về đất đai", "chung_tu_nop_thue"),
    ("Bản trích lục bản đồ địa chính hoặc trích đo bản đồ địa chính", "trich_do_dia_chinh"),
    ("Bản sao có xác nhận sao y bản chính của tổ chức đề nghị hoặc bản sao điện tử bằng tốt nghiệp trung cấp hoặc "
     "tương đương trở lên của nhân viên kiểm định", "van_bang_chung_chi"),
    ("- Bản sao chứng thực (hoặc bản photo có bản gốc đối chiếu) quyết định phê duyệt dự án của Thủ tướng Chính phủ "
     "đối với hoạt động quy định tại điểm g khoản này", "van_ban_co_quan_nha_nuoc"),
    ("f.\tĐối với trường hợp con mới sinh ở nước ngoài trong nhiệm kỳ công tác của thành viên cơ quan đại diện, cơ "
     "quan thông tấn, báo chí nhà nước của Việt Nam thường trú ở nước ngoài thì bổ sung 01 bản sao Giấy khai sinh "
     "(hoặc Bản sao trích lục khai sinh).", "giay_khai_sinh"),
    ("Bản trích lục hồ sơ thương binh", "giay_to_nguoi_co_cong"),
    # A diplomatic note and a school abroad are foreign issuers; a requirement "của cơ sở giáo dục nước ngoài" is not.
    ("Công hàm của cơ quan đại diện của nước mà người đó là công dân đề nghị Việt Nam giải quyết cho người đó thường "
     "trú", "giay_to_nuoc_ngoai"),
    ("Bản sao văn bản đồng ý của cơ sở giáo dục nước ngoài về việc du học sinh tạm dừng học", "giay_to_nuoc_ngoai"),
    # Another state's embassy or consulate is a foreign issuer; Viet Nam's own mission abroad says so.
    ("Văn bản đồng ý tổ chức lễ hội tại Việt Nam của Đại sứ quán hoặc Lãnh sự hoặc Tổng Lãnh sự quốc gia, vùng lãnh thổ",
     "giay_to_nuoc_ngoai"),
    ("Giấy xác nhận của Đại sứ quán, Lãnh sự quán Việt Nam ở nước ngoài về thời gian công tác", "van_ban_co_quan_nha_nuoc"),
    ("Ý kiến bằng văn bản của Cơ quan đại diện Việt Nam ở nước ngoài về việc lưu học sinh chưa tốt nghiệp về nước",
     "van_ban_co_quan_nha_nuoc"),
    ("Bản sao hợp lệ chứng chỉ ngoại ngữ tiếng Anh, Pháp hoặc ngoại ngữ khác đạt yêu cầu về điểm (hoặc trình độ) theo "
     "quy định của Bộ Giáo dục và Đào tạo và của cơ sở giáo dục nước ngoài", "van_bang_chung_chi"),
    # A photograph of a paper is a copy of the paper; a colour photo of an object is a photo, of a face a portrait.
    ("Bản sao hoặc ảnh chụp giấy khai sinh của người được giám hộ", "giay_khai_sinh"),
    ("(2) 01 ảnh màu chụp di vật, cổ vật, có chú thích, kích thước ảnh nhỏ nhất 13 x 18 cm", "anh_chup_hien_trang"),
    ("02 ảnh màu chụp kiểu chân dung cỡ 03 cm x 04 cm, mặc trang phục theo quy định", "anh_the"),
    # Business-registration papers offered for one another: the registration in the national database (Phụ lục I).
    ("- Giấy chứng nhận đầu tư hoặc giấy chứng nhận đăng ký kinh doanh, giấy chứng nhận đăng ký doanh nghiệp: 1 bản "
     "sao có đóng dấu của thương nhân.", "gcn_dang_ky_doanh_nghiep"),
    ("Bản sao Giấy chứng nhận đăng ký đầu tư hoặc Giấy chứng nhận đăng ký doanh nghiệp được cơ quan quản lý nhà nước "
     "có thẩm quyền cấp còn hiệu lực", "gcn_dang_ky_doanh_nghiep"),
    ("Bản sao Giấy chứng nhận đăng ký đầu tư, Quyết định chấp thuận chủ trương đầu tư, Quyết định chấp thuận nhà đầu "
     "tư (nếu có)", "gcn_dang_ky_dau_tu"),
    ("Bản sao và mang bản chính để đối chiếu hoặc bản sao có chứng thực Giấy chứng nhận hoặc Giấy xác nhận hộ nghèo, "
     "hộ cận nghèo do Ủy ban nhân dân cấp xã cấp", "giay_chung_nhan_ho_ngheo"),
    # Adoption is civil-status data (QĐ 3458/QĐ-BTP); the registration form is the applicant's own.
    ("Bản sao (nếu có) Giấy công nhận nuôi con nuôi", "giay_chung_nhan_nuoi_con_nuoi"),
    ("Bản sao giấy chứng nhận nuôi con nuôi và biên bản giao nhận con", "giay_chung_nhan_nuoi_con_nuoi"),
    ("Tờ khai đăng ký nuôi con nuôi (theo mẫu)", "to_khai"),
    # "Gửi" hands the paper in, like "nộp": the paper after the copy forms is what is demanded.
    ("- Xuất trình hoặc gửi bản chính hoặc bản sao điện tử được cấp từ sổ gốc: Giấy chứng nhận an toàn kỹ thuật và "
     "bảo vệ môi trường của phương tiện", "giay_chung_nhan_kiem_dinh"),
    ("Bản sao Giấy phép thành lập ngân hàng hợp tác xã.", "giay_phep_to_chuc_tin_dung"),   # not any licence to found
    ("Bản sao Giấy phép thành lập văn phòng đại diện", "giay_phep_thanh_lap"),
    ("- Công dân Việt Nam đã ly hôn ở nước ngoài phải nộp bản sao Trích lục ghi chú ly hôn", "trich_luc_ho_tich"),
    ("- Công dân Việt Nam là công chức, viên chức phải nộp văn bản của cơ quan, đơn vị quản lý xác nhận việc kết hôn "
     "với người nước ngoài không trái với quy định của ngành đó;", "van_ban_co_quan_nha_nuoc"),
    # State compensation (TT 04/2018/TT-BTP): the liable body's notice and its record of the victim's answer.
    ("- Thông báo về việc tổ chức thực hiện phục hồi danh dự (mẫu 17/BTNN);", "van_ban_co_quan_nha_nuoc"),
    ("- Biên bản trả lời thông báo tổ chức thực hiện phục hồi danh dự (mẫu 18/BTNN).", "bien_ban_co_quan_nha_nuoc"),
    ("(3) Giấy tờ chứng minh đã hoàn thành việc thanh toán nợ tiền sử dụng đất, lệ phí trước bạ", "chung_tu_nop_thue"),
])
def test_matches(matcher, text, expected):
    assert _type(matcher, text) == expected


@pytest.mark.parametrize("text", [
    "- Văn bản ý kiến của tổ chức, cá nhân khai thác công trình thủy lợi về ảnh hưởng của hoạt động",  # an operator
    "Ý kiến của cơ quan chủ quản về việc lưu học sinh chưa tốt nghiệp về nước",     # a firm may be the sponsor
    "Giấy tờ khác có liên quan",
    "Bản sao Quyết định hưởng chế độ một lần theo Quyết định số 290/2005/QĐ-TTg",     # not a slip of "cưỡng chế"
    # How every copy must be certified is a rule, not the demand of the first paper it names.
    "14. Các bản sao văn bằng, chứng chỉ, quyết định, công hàm hoặc hợp đồng phải được chứng thực hoặc công chứng",
    # The owner confirms his staff's food-safety knowledge himself (Decree 15/2018): no state paper.
    "Giấy xác nhận kiến thức an toàn thực phẩm của chủ cơ sở và người trực tiếp sản xuất (do chủ cơ sở tự thực hiện).",
    # Decisions a private school or investor may make: "công nhận kết quả thi", "phê duyệt dự án".
    "Quyết định công nhận kết quả thi của học viên tham gia khóa đào tạo",
    "- Quyết định phê duyệt dự án đầu tư xây dựng: 01 bản chính",
    "Phiếu báo di chuyển trường của học sinh",                                        # nor "phiếu báo điểm"
    "Đối với chứng nhận chất lượng kiểu loại phụ tùng:",                              # a case heading
    "Lý lịch tư pháp do cơ quan có thẩm quyền của nước mà người đó là công dân cấp",   # foreign: not the domestic type
    "Giấy chứng nhận",
    # "không cần nộp" is no demand, and a later sentence is another case.
    "Trường hợp văn bằng được lưu trữ tại cơ sở dữ liệu thì không cần nộp các bản sao văn bằng, chứng chỉ",
    "Bản sao tài liệu thể hiện quyền của bên cho thuê đối với tàu bay; đối với trường hợp thuê tàu bay "
    "có tổ bay cần bổ sung Giấy chứng nhận người khai thác tàu bay",
    # A legal reference or an addressee is not the issuer.
    "Văn bản của người sử dụng đất đề nghị miễn, giảm theo mẫu ban hành kèm theo Nghị định của Chính phủ",
    "Văn bản thông báo của chủ đầu tư dự án gửi Sở Xây dựng về nhà ở đủ điều kiện được bán",
    "Giấy khai thu hồi chứng nhận đăng ký xe (Mẫu ĐKX11 ban hành kèm theo Thông tư 79/2024/TT-BCA của Bộ trưởng Bộ Công an)",
    # A typo changes a letter or two, not whole words.
    "Giấy xác nhận của thủ trưởng cơ quan, tổ chức, đơn vị đã ra quyết định cho nghỉ hưu",
    "- Đối với chứng nhận chất lượng kiểu loại xe",
    # Aliases that were too wide: an exam result, a fishing boat's deregistration.
    "Thông báo kết quả kiểm tra, sát hạch đối với các cá nhân tham gia huấn luyện về quản lý, sử dụng vũ khí",
    "- Giấy chứng nhận xóa đăng ký theo Mẫu số 13.ĐKT Phụ lục VIII ban hành kèm theo Thông tư số 02/2026/TT-BNNMT",
    # Someone else's consent, and "phương tiện" of any kind (road, rail, water): no type can be told.
    "+ Bản sao văn bản đồng ý của cấp có thẩm quyền phê duyệt phương án phát hành trái phiếu quốc tế của tổ chức "
    "phát hành",
    "- Bản gốc hoặc bản điện tử Giấy chứng nhận đăng ký phương tiện đã được cấp;",
    # The competent level of a credit institution is the firm's own body, not the state.
    "d) Văn bản của cấp có thẩm quyền quyết định của các tổ chức tín dụng bị hợp nhất thông qua Đề án hợp nhất",
    # A count after the colon: the paper is before it, not the next one listed.
    "- Phiếu giao nhận hàng hóa: 01 bản chính; - Bảng kê lượng tiền mặt: 02 bản chính;",
    # An alternative "of equivalent value" may come from anywhere: no issuer for the head paper.
    "Giấy xác nhận hoặc văn bản tương đương của cơ quan có thẩm quyền cho phép sử dụng làm thực phẩm tại ít nhất "
    "05 nước phát triển",
    # A licence or certificate of no known kind is its own kind, held in its own register, if any: a state
    # issuer does not make it a generic letter of a state body. Nor does it make unnamed "giấy tờ" one.
    "- Giấy phép lưu hành xe do Bộ Công an cấp: 01 bản chụp.",
    "Giấy phép vào các tỉnh trong nội địa do cơ quan có thẩm quyền của Việt Nam cấp",
    "a) Giấy tờ hợp pháp do cơ quan có thẩm quyền cấp xác định người có tên là người dân tộc thiểu số",
    # "phải có" after a case that is not the demand of a paper: no bare demand outside a case.
    "Bản mô tả vị trí phải có xác nhận của Ủy ban nhân dân cấp xã",
    # A paper demanded with its Vietnamese translation is in another language: most likely not a Vietnamese diploma.
    "Bản sao văn bằng hoặc bản sao từ sổ gốc cấp văn bằng đề nghị công nhận kèm theo bản công chứng dịch sang tiếng Việt",
    "Bản sao và bản dịch hợp lệ sang tiếng Việt bằng tốt nghiệp, kết quả học tập.",
    # A rule for any foreign paper in the dossier demands no paper of its own.
    "Giấy tờ do cơ quan có thẩm quyền nước ngoài cấp phải được hợp pháp hóa lãnh sự theo quy định, phải có bản dịch "
    "sang tiếng Việt",
    # "ban hành kèm theo Nghị quyết …" is a legal reference and "bản sao kèm theo bản gốc" a copy form: no list
    # follows, so no paper is read after them.
    "Bản sao (hoặc bản chính) tài liệu, hồ sơ, chứng từ chứng minh doanh nghiệp đáp ứng tiêu chí quy định tại khoản 3 "
    "Điều 4 của Quy định ban hành kèm theo Nghị quyết số 16/2026/NQ-HĐND của Hội đồng nhân dân thành phố Cần Thơ",
    "Bản sao các văn bản pháp lý chứng minh quyền sử dụng đất, quyền sở hữu nhà hoặc hợp đồng thuê địa điểm trường "
    "mầm non, hoặc Bản sao có chứng thực hoặc bản sao kèm theo bản gốc để đối chiếu của văn bản chấp thuận cho thuê "
    "đất của Ủy ban nhân dân cấp tỉnh",
    # A paper demanded with its Vietnamese translation is no Vietnamese state letter, whoever "cơ quan có thẩm quyền" is.
    "Giấy xác nhận hoặc văn bản tương đương của cơ quan có thẩm quyền cho phép sử dụng làm thực phẩm, thức ăn chăn nuôi "
    "tại ít nhất 05 nước phát triển kèm theo bản dịch tiếng Việt.",
    # "theo Mẫu … kèm theo Nghị quyết số …" is a reference: the resolution is not the paper demanded.
    "Tài liệu, hồ sơ, chứng từ chứng minh doanh nghiệp đáp ứng tiêu chí và điều kiện hỗ trợ theo Mẫu 09 Phụ lục III kèm "
    "theo Nghị quyết số 32/2026/NQ-HĐND",
    "- Bản sao hoặc ảnh chụp tài liệu lưu trữ thể hiện được các thông tin cơ bản của tài liệu",
    # A translation into Vietnamese is of a paper written in another language: not the Vietnamese passport.
    "+ Bản dịch hộ chiếu của người đăng ký học sang tiếng Việt có công chứng.",
])
def test_leaves_to_review_or_never_takes_a_domestic_type(matcher, text):
    assert _type(matcher, text) in ("", "giay_to_nuoc_ngoai")


@pytest.mark.parametrize("text,expected", [
    # The foreign cue belongs to the first clause: the alternatives listed further are foreign, the head is not.
    ("Giấy xác nhận của cơ quan có thẩm quyền về việc thôi quốc tịch Việt Nam hoặc bản dịch một trong các giấy tờ "
     "sau đây: - Hộ chiếu do nước ngoài cấp.", "van_ban_co_quan_nha_nuoc"),
    # A Vietnamese mission abroad is a Vietnamese issuer.
    ("Trường hợp người yêu cầu đang công tác ở nước ngoài thì phải nộp Giấy xác nhận tình trạng hôn nhân do Cơ quan "
     "đại diện lãnh sự của Việt Nam ở nước ngoài cấp.", "xac_nhan_tinh_trang_hon_nhan"),
    # A foreign organisation is a party, not an issuer; its licence in Viet Nam is Vietnamese.
    ("Trường hợp chủ tàu là tổ chức nước ngoài thì nộp giấy phép thành lập chi nhánh tại Việt Nam",
     "giay_phep_thanh_lap"),
    ("Bản gốc giấy phép đặt văn phòng đại diện nước ngoài tại Việt Nam", "giay_phep_thanh_lap"),
    # A foreign tax office named only in a later alternative's case is not the issuer of the head paper.
    ("Bản sao Giấy chứng nhận khấu trừ thuế do cơ quan trả thu nhập cấp hoặc Bản sao chứng từ ngân hàng đối với số "
     "thuế đã nộp ở nước ngoài trong trường hợp theo quy định của luật pháp nước ngoài, cơ quan thuế nước ngoài không cấp",
     ""),
    # A later item of a list in parentheses is no issuer of the head paper; the first item, defining it, is.
    ("Bản sao giấy tờ có giá trị chứng minh quốc tịch Việt Nam theo quy định tại Điều 11 Luật Quốc tịch Việt Nam "
     "(Giấy khai sinh; Giấy chứng minh nhân dân; Trích lục ghi vào Sổ hộ tịch việc khai sinh đã được đăng ký tại cơ "
     "quan có thẩm quyền của nước ngoài)", ""),
    ("Giấy tờ xác nhận về việc người xin thôi quốc tịch Việt Nam đang làm thủ tục nhập quốc tịch nước ngoài (Giấy tờ "
     "xác nhận này là giấy tờ do cơ quan có thẩm quyền của nước ngoài xác nhận; trường hợp người xin thôi quốc tịch "
     "đã có quốc tịch nước ngoài thì nộp bản sao hộ chiếu)", "giay_to_nuoc_ngoai"),
    ("Bản sao Giấy chứng nhận nuôi con nuôi do cơ quan có thẩm quyền của nước ngoài cấp", "giay_to_nuoc_ngoai"),
    # The holder's nationality said as such: a foreign national's passport is foreign; with Vietnamese nationals
    # named too, which passport is unknown.
    ("(ii) Bản chụp hộ chiếu đối với cá nhân mang quốc tịch nước ngoài.", "giay_to_nuoc_ngoai"),
    ("Bản sao Hộ chiếu của người phụ thuộc là người có quốc tịch nước ngoài hoặc là người có quốc tịch Việt Nam sinh "
     "sống tại nước ngoài", ""),
])
def test_foreign_only_when_a_foreign_authority_issued_the_head_document(matcher, text, expected):
    assert _type(matcher, text) == expected


_LAND = "Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất — Đăng ký biện pháp bảo đảm"
_BOATS = "Đăng ký lại phương tiện — Hàng hải và đường thủy nội địa"


@pytest.mark.parametrize("text,context,expected", [
    # A short name the procedure's own subject makes definite (context_aliases).
    ("Giấy chứng nhận (bản gốc), trừ trường hợp quy định tại khoản 2 Điều 35 Nghị định số 99/2022/NĐ-CP", _LAND,
     "gcn_quyen_su_dung_dat"),
    ("+ Giấy chứng nhận đối với phần diện tích nhà, đất đã mua", "Bán nhà ở cũ thuộc sở hữu nhà nước — Nhà ở",
     "gcn_quyen_su_dung_dat"),
    ("- Bản chính Giấy chứng nhận đăng ký phương tiện đã được cấp.", _BOATS, "gcn_dang_ky_phuong_tien_thuy"),
    ("Giấy chứng nhận đã được cấp trong trường hợp bị hỏng .",
     "Cấp lại Giấy chứng nhận đủ điều kiện hoạt động kiểm định kỹ thuật an toàn lao động", "gcn_du_dieu_kien"),
    ("Chứng minh thư bản gốc (đối với trường hợp gia hạn chứng minh thư)", "Thủ tục cấp lại chứng minh thư cho thành "
     "viên cơ quan đại diện ngoại giao, cơ quan lãnh sự", "chung_minh_thu_ngoai_giao"),
    # ... not when the procedure makes two papers of one short name,
    ("Giấy chứng nhận đã được cấp", "Cấp lại Giấy chứng nhận đủ điều kiện kinh doanh dịch vụ bất động sản — Đất đai", ""),
    # ... not in a procedure of another subject, nor alone,
    ("Giấy chứng nhận (bản gốc), trừ trường hợp quy định tại khoản 2 Điều 35 Nghị định số 99/2022/NĐ-CP",
     "Cấp lại giấy chứng nhận kiểm định — Kiểm định kỹ thuật an toàn lao động", ""),
    ("Giấy chứng nhận (bản gốc)", "", ""),
    ("- Bản gốc hoặc bản điện tử Giấy chứng nhận đăng ký phương tiện đã được cấp;",
     "Cấp lại Giấy chứng nhận đăng ký phương tiện giao thông đường sắt — Đường sắt", ""),
    # ... nor when it heads a longer name, which is another paper,
    ("Bản sao Giấy chứng nhận xuất xưởng của phương tiện", _BOATS, ""),
    # ... nor in place of what the text names by itself.
    ("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", _LAND, "gcn_dang_ky_doanh_nghiep"),
])
def test_short_names_read_in_the_procedures_context(matcher, text, context, expected):
    m = matcher.match_in(text, context)
    assert (m.document_type if m.confidence >= CONFIDENT else "") == expected


def test_unmatched_text_keeps_its_candidates(matcher):
    m = matcher.match("Đơn xin xác nhận có kèm giấy khai sinh của con")
    assert m.confidence < CONFIDENT or m.document_type != "giay_khai_sinh"


@pytest.mark.skipif(not matcher_quality.SAMPLE.exists(), reason="labelled sample missing")
def test_quality_on_the_hand_labelled_sample():
    """Precision must meet the 97% target (a wrong type is worse than a review). Coverage of
    state-issued rows meets the 85% target on this sample (README gives the figure), but its
    misses have been read, so the floor only guards against regressions."""
    result = matcher_quality.score()
    assert result["rows"] >= 300
    assert result["precision"] >= 0.97, result["wrong"]
    assert result["coverage"] >= 0.80


@pytest.mark.skipif(not matcher_quality.DEV_SAMPLE.exists(), reason="development sample missing")
def test_quality_on_the_development_sample():
    """The sample the matcher is tuned against must stay at least as good as the held-out one."""
    result = matcher_quality.score(matcher_quality.DEV_SAMPLE)
    assert result["rows"] >= 300
    assert result["precision"] >= 0.97, result["wrong"]
    assert result["coverage"] >= 0.80


@pytest.mark.parametrize("sample,precision,coverage", [
    ("random-a", 0.97, 0.58),
    ("random-b", 0.97, 0.60),
    ("random-c", 0.97, 0.55),
    ("random-d", 0.97, 0.72),      # 131 random real-data procedures: blind first measurement 97.3% / 68.6%
    ("source-d", 0.97, 0.62),      # a new source (portal JSON of other ministries): blind first measurement 95.9%
    ("source-e", 0.97, 0.55),      # the same source, 8 other ministries' procedures: blind first measurement 95.7%
    ("source-f", 0.97, 0.58),      # another new source (31 ministries and provinces): blind first measurement 96.6%
    ("source-g", 0.97, 0.65),      # the same source, 124 other procedures: blind first measurement 96.6%
    ("source-h", 0.97, 0.70),      # the same source, 152 other procedures: blind first measurement 96.3% / 61.5%
    ("source-i", 0.97, 0.66),      # the same source, 121 other procedures: blind first measurement 97.5% / 59.5%
])
def test_quality_on_random_blind_samples(sample, precision, coverage):
    """Random rows, labelled by people who never saw the matcher: the honest figure. Coverage here
    (about half of state-issued rows) is far below the 85% target because most state papers in
    real dossiers are one-offs no alias names; the floors only guard against regressions."""
    result = matcher_quality.score(matcher_quality.SAMPLES[sample])
    assert result["rows"] >= 430
    assert result["precision"] >= precision, result["wrong"]
    assert result["coverage"] >= coverage


@pytest.mark.parametrize("text,expected", [
    ("Thông tin về cư trú được khai thác từ Cơ sở dữ liệu quốc gia về dân cư, không phải nộp", True),
    ("Giấy tờ chứng minh có địa điểm hợp pháp để đặt trụ sở (trường hợp giấy tờ chứng minh địa điểm hợp pháp "
     "có thành phần là bản sao giấy chứng nhận quyền sử dụng đất, tài sản gắn liền với đất thì sử dụng dữ liệu "
     "trên cơ sở dữ liệu về Đất đai để thay thế)", True),
    # A promise for a database not yet running: the paper is still demanded until then.
    ("Bản sao Giấy chứng nhận quyền sử dụng đất. Trường hợp Giấy chứng nhận quyền sử dụng đất đã có trong Cơ sở "
     "dữ liệu quốc gia về đất đai thì các thông tin này được thay thế bằng dữ liệu khi Cơ sở dữ liệu quốc gia về "
     "đất đai được vận hành.", False),
    ("Thông tin về sự thay đổi trong Cơ sở dữ liệu hộ tịch điện tử. Trường hợp không có thông tin về sự thay đổi "
     "trong Cơ sở dữ liệu hộ tịch điện tử thì công dân xuất trình giấy tờ, tài liệu chứng minh việc điều chỉnh thông "
     "tin.", True),                                                 # paper only when the lookup finds nothing
    # The single-window sentence glued to a contract row is about other points' papers, not the contract.
    ("Hợp đồng ủy thác: 01 bản chụp; Các chứng từ quy định tại điểm d, điểm đ, điểm e nêu trên nếu được cơ quan "
     "quản lý nhà nước chuyên ngành gửi dưới dạng điện tử thông qua Cổng thông tin một cửa quốc gia, người khai "
     "hải quan không phải nộp khi làm thủ tục hải quan", False),
    ("Hợp đồng khai thác và sử dụng thông tin, dữ liệu về địa chất, khoáng sản", False),
    ("Giấy đăng ký làm ngân hàng thanh toán được thay thế bằng dữ liệu điện tử khi thực hiện dịch vụ công trực "
     "tuyến", False),
])
def test_data_lookup_wording(text, expected):
    assert says_data_lookup(text) is expected
