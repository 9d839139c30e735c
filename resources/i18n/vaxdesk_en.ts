<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>desktop.accounts.gate</name>
    <message>
        <location filename="../../desktop/accounts/gate.py" line="25"/>
        <source>Thư mục làm việc chưa có tài khoản nào. Hãy tạo quản trị viên đầu tiên: `users add TÊN --role administrator --password-stdin`.</source>
        <translation>The workspace has no accounts yet. Create the first administrator: `users add NAME --role administrator --password-stdin`.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/gate.py" line="43"/>
        <source>Tài khoản {role} chỉ dùng cho tác vụ tự động trên dòng lệnh (check, sync), không mở cửa sổ.</source>
        <translation>A {role} account is for scheduled command-line tasks (check, sync) only; it cannot open the window.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/gate.py" line="70"/>
        <source>Tài khoản “{name}” không còn dùng được (đã tắt, bị khoá hoặc không tồn tại); hãy đăng nhập lại.</source>
        <translation>The account “{name}” can no longer be used (disabled, locked or missing); sign in again.</translation>
    </message>
</context>
<context>
    <name>desktop.accounts.roles</name>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="20"/>
        <source>Nhân viên nhập liệu</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="21"/>
        <source>Người ký số</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="22"/>
        <source>Quản trị viên</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="23"/>
        <source>Tác vụ tự động</source>
        <translation>Automation</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="42"/>
        <source>xem dữ liệu</source>
        <translation>view data</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="43"/>
        <source>xem dữ liệu cá nhân</source>
        <translation>see personal data</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="44"/>
        <source>nhập danh sách</source>
        <translation>import lists</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="45"/>
        <source>kiểm tra với CSDL dân cư</source>
        <translation>check against the registry</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="46"/>
        <source>đối chiếu bản ghi</source>
        <translation>review records</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="47"/>
        <source>quyết định về bản ghi lệch</source>
        <translation>decide on mismatched records</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="48"/>
        <source>in chứng nhận</source>
        <translation>print certificates</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="49"/>
        <source>kiểm tra mã QR</source>
        <translation>verify QR codes</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="50"/>
        <source>đồng bộ</source>
        <translation>sync</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="51"/>
        <source>ký số</source>
        <translation>sign</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="52"/>
        <source>đính chính chứng nhận</source>
        <translation>correct certificates</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="53"/>
        <source>thu hồi chứng nhận</source>
        <translation>revoke certificates</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="54"/>
        <source>thay đổi cài đặt</source>
        <translation>change settings</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="55"/>
        <location filename="../../desktop/accounts/roles.py" line="56"/>
        <source>quản lý tài khoản</source>
        <translation>manage accounts</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="57"/>
        <source>xem nhật ký kiểm tra</source>
        <translation>read the audit log</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="58"/>
        <source>sao lưu theo lịch</source>
        <translation>take scheduled backups</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="59"/>
        <source>đổi mật khẩu của mình</source>
        <translation>change their own password</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="88"/>
        <source>Vai trò {role} không được phép {action}. Cần một trong các vai trò: {least}; hãy nhờ quản trị viên.</source>
        <translation>The {role} role may not {action}. It needs one of these roles: {least}; ask your administrator.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/roles.py" line="90"/>
        <source>chưa đăng nhập</source>
        <translation>signed-out</translation>
    </message>
</context>
<context>
    <name>desktop.accounts.users</name>
    <message>
        <location filename="../../desktop/accounts/users.py" line="233"/>
        <source>Sai tên đăng nhập hoặc mật khẩu. Còn {n} lần thử trước khi tài khoản bị khoá {m} phút.</source>
        <translation>Wrong user name or password. {n} more tries before the account is locked for {m} minutes.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="243"/>
        <source>Tài khoản đang bị khoá do nhập sai mật khẩu nhiều lần. Thử lại sau {m} phút, hoặc nhờ quản trị viên mở khoá.</source>
        <translation>The account is locked after too many wrong passwords. Try again in {m} minutes, or ask an administrator to unlock it.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="75"/>
        <source>Tên đăng nhập “{name}” không hợp lệ: dùng 2–50 chữ cái không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch nối, bắt đầu bằng chữ hoặc số (ví dụ: lan.nguyen).</source>
        <translation>The user name “{name}” is not valid: use 2–50 unaccented letters, digits, dots, underscores or hyphens, starting with a letter or digit (e.g. lan.nguyen).</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="87"/>
        <source>Mật khẩu phải có ít nhất {n} ký tự.</source>
        <translation>The password must have at least {n} characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="93"/>
        <source>Mật khẩu không được bắt đầu hoặc kết thúc bằng dấu cách.</source>
        <translation>The password must not begin or end with a space.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="102"/>
        <source>Vai trò “{role}” không tồn tại; chọn một trong: {roles}.</source>
        <translation>There is no role “{role}”; choose one of: {roles}.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="117"/>
        <source>Không có tài khoản “{name}”.</source>
        <translation>There is no account “{name}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="157"/>
        <source>Tài khoản “{name}” đã có.</source>
        <translation>The account “{name}” already exists.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="230"/>
        <source>Sai tên đăng nhập hoặc mật khẩu.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="307"/>
        <source>Không thể bỏ quyền {role} của quản trị viên cuối cùng.</source>
        <translation>The last active administrator cannot lose the {role} role.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="316"/>
        <source>Ngôn ngữ “{lang}” không có; chọn vi hoặc en.</source>
        <translation>There is no language “{lang}”; choose vi or en.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="173"/>
        <source>Đã có tài khoản; quản trị viên hãy đăng nhập để thêm người dùng.</source>
        <translation>Accounts already exist; an administrator signs in to add users.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="258"/>
        <source>Mật khẩu hiện tại không đúng.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <location filename="../../desktop/accounts/users.py" line="202"/>
        <source>Tài khoản “{name}” đã bị tắt; hãy nhờ quản trị viên.</source>
        <translation>The account “{name}” is disabled; ask your administrator.</translation>
    </message>
</context>
<context>
    <name>desktop.backup.container</name>
    <message>
        <location filename="../../desktop/backup/container.py" line="62"/>
        <source>{file} không phải là tệp sao lưu VaxDesk hoặc đã bị hỏng; không có gì bị thay đổi.</source>
        <translation>{file} is not a VaxDesk backup or it is damaged; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/container.py" line="70"/>
        <source>Tệp sao lưu {file} đã bị hỏng hoặc bị sửa (mật khẩu đúng nhưng nội dung không khớp); không có gì bị thay đổi. Hãy dùng một bản sao lưu khác.</source>
        <translation>The backup {file} is damaged or altered (the passphrase is right but the content does not match); nothing was changed. Use another backup.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/container.py" line="80"/>
        <source>Sai mật khẩu sao lưu; không có gì bị thay đổi.</source>
        <translation>Wrong backup passphrase; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/container.py" line="88"/>
        <source>Chưa có mật khẩu sao lưu.</source>
        <translation>No backup passphrase was given.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/container.py" line="147"/>
        <source>Tệp sao lưu có định dạng phiên bản {v}, phiên bản VaxDesk này không đọc được; hãy cập nhật VaxDesk.</source>
        <translation>The backup has format version {v}, which this VaxDesk cannot read; update VaxDesk.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/container.py" line="160"/>
        <source>Không đọc được tệp {file}: {err}</source>
        <translation>Cannot read the file {file}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.backup.create</name>
    <message>
        <location filename="../../desktop/backup/create.py" line="48"/>
        <source>Chưa chọn thư mục sao lưu (cài đặt backup_folder hoặc --to).</source>
        <translation>No backup folder is chosen (setting backup_folder or --to).</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/create.py" line="58"/>
        <source>Thư mục sao lưu phải nằm ngoài thư mục làm việc.</source>
        <translation>The backup folder must be outside the workspace.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/create.py" line="66"/>
        <source>Chưa đặt mật khẩu sao lưu (quản trị viên đặt trong Cài đặt → Sao lưu).</source>
        <translation>No backup passphrase is set (an administrator sets it in Settings → Backup).</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/create.py" line="70"/>
        <source>Mật khẩu sao lưu cần ít nhất 10 ký tự.</source>
        <translation>A backup passphrase needs at least 10 characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/create.py" line="194"/>
        <source>Số bản sao lưu giữ lại phải từ 1 trở lên.</source>
        <translation>Backups to keep must be 1 or more.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/create.py" line="54"/>
        <source>Không ghi được vào thư mục sao lưu {folder}: {err}</source>
        <translation>Cannot write to the backup folder {folder}: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/create.py" line="168"/>
        <source>Không ghi được tệp sao lưu {file}: {err}</source>
        <translation>Cannot write the backup {file}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.backup.opening</name>
    <message>
        <location filename="../../desktop/backup/opening.py" line="39"/>
        <source>Không có tệp sao lưu {file}.</source>
        <translation>There is no backup file {file}.</translation>
    </message>
</context>
<context>
    <name>desktop.backup.restore</name>
    <message>
        <location filename="../../desktop/backup/restore.py" line="49"/>
        <source>Bản sao lưu của cơ sở {backup}, không phải cơ sở {here}; không có gì bị thay đổi. Nếu thật sự muốn khôi phục, dùng --other-facility.</source>
        <translation>The backup belongs to facility {backup}, not {here}; nothing was changed. To restore it anyway, use --other-facility.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/restore.py" line="67"/>
        <source>Cơ sở dữ liệu đích không trống; hãy khôi phục vào một cơ sở dữ liệu PostgreSQL mới.</source>
        <translation>The target database is not empty; restore into a new PostgreSQL database.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/restore.py" line="80"/>
        <source>Thư mục {folder} đã có dữ liệu; chọn thư mục trống hoặc dùng --replace (thư mục cũ được giữ lại bên cạnh).</source>
        <translation>The folder {folder} is not empty; choose an empty folder or use --replace (the old folder is kept beside it).</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/restore.py" line="86"/>
        <source>Bản sao lưu này là PostgreSQL: hãy cho --database-url của một cơ sở dữ liệu mới.</source>
        <translation>This backup is a PostgreSQL one: give --database-url of a new, empty database.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/restore.py" line="160"/>
        <source>Không thay được thư mục {folder} ({err}); hãy đóng VaxDesk trên máy này rồi thử lại. Không có gì bị thay đổi.</source>
        <translation>Cannot put the restored folder in place of {folder} ({err}); close VaxDesk on this PC and try again. Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>desktop.backup.snapshot</name>
    <message>
        <location filename="../../desktop/backup/snapshot.py" line="35"/>
        <source>Không sao lưu được cơ sở dữ liệu loại {kind}.</source>
        <translation>Cannot back up a {kind} database.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/snapshot.py" line="48"/>
        <source>Không có cơ sở dữ liệu {file}.</source>
        <translation>There is no database {file}.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/snapshot.py" line="80"/>
        <source>{what} không thành công: {err}</source>
        <translation>{what} failed: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/snapshot.py" line="76"/>
        <source>Không tìm thấy chương trình {tool} (cài PostgreSQL client).</source>
        <translation>The program {tool} was not found (install the PostgreSQL client).</translation>
    </message>
</context>
<context>
    <name>desktop.backup.verify</name>
    <message>
        <location filename="../../desktop/backup/verify.py" line="60"/>
        <source>Số bản ghi trong bản sao lưu không khớp với danh mục của nó.</source>
        <translation>The backup's contents do not match its own list of contents.</translation>
    </message>
    <message>
        <location filename="../../desktop/backup/verify.py" line="65"/>
        <source>Nhật ký kiểm tra trong bản sao lưu bị thay đổi từ sự kiện {id} ({problem}).</source>
        <translation>The audit log inside the backup was altered at event {id} ({problem}).</translation>
    </message>
</context>
<context>
    <name>desktop.certificates.content</name>
    <message>
        <location filename="../../desktop/certificates/content.py" line="62"/>
        <source>Có hiệu lực đến {date}.</source>
        <translation>Valid until {date}.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/content.py" line="47"/>
        <source>Đã được thay thế bởi chứng nhận {uvci}; không in chứng nhận này nữa.</source>
        <translation>Superseded by certificate {uvci}; this one is no longer printed.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/content.py" line="51"/>
        <source>Đã bị thu hồi ({reason}).</source>
        <translation>Revoked ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/content.py" line="54"/>
        <source>Mã QR đã hết hạn ngày {date}; cấp lại khi người dân cần.</source>
        <translation>The QR code expired on {date}; re-issue it when the person needs it.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/content.py" line="58"/>
        <source>Mã QR sắp hết hạn ({date}, còn {days} ngày); cấp lại khi hết hạn.</source>
        <translation>The QR code expires soon ({date}, {days} days left); re-issue it when it expires.</translation>
    </message>
</context>
<context>
    <name>desktop.certificates.corrections</name>
    <message>
        <location filename="../../desktop/certificates/corrections.py" line="169"/>
        <source>Cần ghi lý do đính chính.</source>
        <translation>A reason for the correction is required.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/corrections.py" line="173"/>
        <source>Không có bản ghi {id}.</source>
        <translation>There is no record {id}.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/corrections.py" line="176"/>
        <source>Bản ghi {id} chưa có chứng nhận còn hiệu lực; hãy sửa ở bước Đối chiếu thay vì đính chính.</source>
        <translation>Record {id} has no valid certificate; correct it in Review instead of issuing a correction.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/corrections.py" line="182"/>
        <source>Bản ghi {id} đã có bản đính chính đang chờ (bản ghi {pending}); hãy hoàn tất bản đó trước.</source>
        <translation>Record {id} already has a correction on its way (record {pending}); finish that one first.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/corrections.py" line="189"/>
        <source>Giá trị mới giống giá trị cũ; không có gì để đính chính.</source>
        <translation>The new values equal the old ones; there is nothing to correct.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/corrections.py" line="54"/>
        <source>Không sửa được "{pair}": viết trường=giá trị, với trường là một trong {fields}.</source>
        <translation>Cannot apply "{pair}": write field=value, the field being one of {fields}.</translation>
    </message>
</context>
<context>
    <name>desktop.certificates.detail</name>
    <message>
        <location filename="../../desktop/certificates/detail.py" line="78"/>
        <source>Không tìm thấy chứng nhận {key}.</source>
        <translation>There is no certificate {key}.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/detail.py" line="120"/>
        <source>Cấp chứng nhận</source>
        <translation>Certificate issued</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/detail.py" line="121"/>
        <source>Nhận về máy</source>
        <translation>Received from the central service</translation>
    </message>
</context>
<context>
    <name>desktop.certificates.printing</name>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="79"/>
        <source>Chọn chứng nhận cần in.</source>
        <translation>Choose the certificates to print.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="144"/>
        <source>Không có chứng nhận mới nào chưa in.</source>
        <translation>There is no new certificate left to print.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="155"/>
        <location filename="../../desktop/certificates/printing.py" line="162"/>
        <source>Không tìm thấy chứng nhận: {list}</source>
        <translation>No such certificate: {list}</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="173"/>
        <source>Không in chứng nhận {uvci}: đã được thay thế bởi {new} sau khi đính chính. Hãy in chứng nhận mới.</source>
        <translation>Certificate {uvci} is not printed: it was superseded by {new} after a correction. Print the new one.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="179"/>
        <source>Không in chứng nhận {uvci}: đã bị thu hồi ({reason}).</source>
        <translation>Certificate {uvci} is not printed: it was revoked ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="185"/>
        <source>Không in chứng nhận {uvci}: mã QR đã hết hạn ngày {date}; cần cấp lại.</source>
        <translation>Certificate {uvci} is not printed: its QR code expired on {date}; it must be re-issued.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="131"/>
        <source>Đang tạo PDF</source>
        <translation>Writing the PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/printing.py" line="92"/>
        <source>Chuẩn bị {n} chứng nhận</source>
        <translation>Preparing {n} certificates</translation>
    </message>
</context>
<context>
    <name>desktop.certificates.revocation</name>
    <message>
        <location filename="../../desktop/certificates/revocation.py" line="48"/>
        <source>Cần ghi lý do thu hồi.</source>
        <translation>A reason for the revocation is required.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/revocation.py" line="53"/>
        <source>Chứng nhận {uvci} đã bị thu hồi trước đó.</source>
        <translation>Certificate {uvci} is already revoked.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/revocation.py" line="56"/>
        <source>Chứng nhận {uvci} đã được thay thế bởi {new} và trung ương đã thu hồi nó; hãy thu hồi chứng nhận mới nếu cần.</source>
        <translation>Certificate {uvci} was superseded by {new} and already revoked centrally; revoke the new one if needed.</translation>
    </message>
</context>
<context>
    <name>desktop.certificates.search</name>
    <message>
        <location filename="../../desktop/certificates/search.py" line="253"/>
        <source>Không biết vắc xin "{text}"; dùng tên trong danh sách hoặc một trong: {choices}.</source>
        <translation>Unknown vaccine "{text}"; use a name from the lists or one of: {choices}.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/search.py" line="224"/>
        <source>"{text}" không phải là số điện thoại (cần ít nhất 4 chữ số).</source>
        <translation>"{text}" is not a phone number (at least 4 digits are needed).</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/search.py" line="235"/>
        <source>Số thẻ BHYT "{text}" quá ngắn (cần ít nhất 4 ký tự).</source>
        <translation>The insurance number "{text}" is too short (at least 4 characters).</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/search.py" line="262"/>
        <location filename="../../desktop/certificates/search.py" line="122"/>
        <source>"{text}" không phải là ngày hợp lệ (dd/mm/yyyy).</source>
        <translation>"{text}" is not a valid date (dd/mm/yyyy).</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/search.py" line="284"/>
        <source>Ngày kết thúc trước ngày bắt đầu.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/search.py" line="304"/>
        <source>Không có trạng thái "{status}"; chọn một trong: {choices}.</source>
        <translation>There is no status "{status}"; choose one of: {choices}.</translation>
    </message>
</context>
<context>
    <name>desktop.certificates.verification</name>
    <message>
        <location filename="../../desktop/certificates/verification.py" line="90"/>
        <source>Chứng nhận hợp lệ.</source>
        <translation>The certificate is valid.</translation>
    </message>
    <message>
        <location filename="../../desktop/certificates/verification.py" line="149"/>
        <source>Hãy dán chuỗi HC1 hoặc mở ảnh mã QR.</source>
        <translation>Paste an HC1 string or open a picture of the QR.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.__init__</name>
    <message>
        <location filename="../../desktop/cli/__init__.py" line="243"/>
        <source>Lệnh này cần đăng nhập: cho tên bằng --user TÊN hoặc biến {user_env}, và mật khẩu trên stdin (--password-stdin) hoặc trong biến {password_env} — không bao giờ trên dòng lệnh.</source>
        <translation>This command needs a signed-in account: give the user name with --user NAME or {user_env}, and the password on stdin (--password-stdin) or in {password_env}, never on the command line.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/__init__.py" line="264"/>
        <source>Không có thư mục làm việc {path}. Hãy tạo bằng `demo` hoặc tạo quản trị viên đầu tiên với `users add TÊN --role administrator --password-stdin`.</source>
        <translation>There is no workspace at {path}. Create one with `demo`, or create the first administrator with `users add NAME --role administrator --password-stdin`.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.audit</name>
    <message>
        <location filename="../../desktop/cli/audit.py" line="12"/>
        <source>thiếu sự kiện</source>
        <translation>an event is missing</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="13"/>
        <source>mắt xích bị đứt</source>
        <translation>the chain is broken</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="14"/>
        <source>sự kiện bị sửa</source>
        <translation>an event was edited</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="15"/>
        <source>nhật ký bị cắt bớt so với mốc đã ký</source>
        <translation>the log is shorter than a signed anchor</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="16"/>
        <source>nhật ký bị viết lại so với mốc đã ký</source>
        <translation>the log was rewritten since a signed anchor</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="17"/>
        <source>bản kê đã ký của một lô không còn khớp chữ ký</source>
        <translation>a batch's signed manifest fails its signature</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="18"/>
        <source>thiếu sự kiện ký của một lô đã ký</source>
        <translation>a signed batch's own events are missing</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="19"/>
        <source>cơ sở dữ liệu không còn chặn việc sửa, xoá nhật ký</source>
        <translation>the database no longer refuses changes to the log</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="50"/>
        <source>Nhật ký kiểm tra bị thay đổi từ sự kiện {id}: {problem}</source>
        <translation>The audit log was altered at event {id}: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/audit.py" line="53"/>
        <source>Nhật ký kiểm tra không còn đáng tin: {problem} {batch}</source>
        <translation>The audit log can no longer be trusted: {problem} {batch}</translation>
    </message>
</context>
<context>
    <name>desktop.cli.backup</name>
    <message>
        <location filename="../../desktop/cli/backup.py" line="54"/>
        <source>Không nhận được mật khẩu trên stdin.</source>
        <translation>No passphrase was given on stdin.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.central</name>
    <message>
        <location filename="../../desktop/cli/central.py" line="130"/>
        <source>Dịch vụ trung ương chạy tại {url} (Ctrl+C để dừng)</source>
        <translation>Central service at {url} (Ctrl+C stops it)</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/central.py" line="180"/>
        <source>Mật khẩu khoá ký: </source>
        <translation>Signing key passphrase: </translation>
    </message>
    <message>
        <location filename="../../desktop/cli/central.py" line="182"/>
        <source>Hai lần nhập không khớp.</source>
        <translation>The two entries differ.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/central.py" line="114"/>
        <source>Không đọc được {file}: {err}</source>
        <translation>Cannot read {file}: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/central.py" line="151"/>
        <source>Dùng HSM cần --hsm-label và mã PIN trong biến {env}.</source>
        <translation>An HSM needs --hsm-label and the PIN in {env}.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/central.py" line="181"/>
        <source>Nhập lại: </source>
        <translation>Again: </translation>
    </message>
</context>
<context>
    <name>desktop.cli.certificates</name>
    <message>
        <location filename="../../desktop/cli/certificates.py" line="47"/>
        <source>Đã ghi {n} mã HC1 vào {file}</source>
        <translation>Wrote {n} HC1 strings to {file}</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/certificates.py" line="58"/>
        <source>Không ghi được tệp {file}: {err}</source>
        <translation>Cannot write the file {file}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.cli.demo</name>
    <message>
        <location filename="../../desktop/cli/demo.py" line="34"/>
        <source>{path} đã là một thư mục làm việc; bản demo chỉ tạo trong thư mục mới (--workspace THƯ_MỤC_MỚI).</source>
        <translation>{path} already holds a workspace; the demo is only created in a new folder (--workspace NEW_FOLDER).</translation>
    </message>
</context>
<context>
    <name>desktop.cli.import_list</name>
    <message>
        <location filename="../../desktop/cli/import_list.py" line="47"/>
        <source>Hãy chỉ ra tệp danh sách cần nhập.</source>
        <translation>Name the list file to load.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/import_list.py" line="32"/>
        <source>--map cần dạng trường=cột, không phải “{item}”.</source>
        <translation>--map needs field=column, not “{item}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/import_list.py" line="43"/>
        <source>Cần --out TỆP để xuất các dòng bị từ chối.</source>
        <translation>--out FILE is needed for the export.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.print_certificates</name>
    <message>
        <location filename="../../desktop/cli/print_certificates.py" line="38"/>
        <source>Đã in {n} chứng nhận vào {file}</source>
        <translation>Printed {n} certificates into {file}</translation>
    </message>
</context>
<context>
    <name>desktop.cli.registry</name>
    <message>
        <location filename="../../desktop/cli/registry.py" line="62"/>
        <source>CSDL dân cư mẫu: {n} công dân, http://{host}:{port} (Ctrl+C để dừng)</source>
        <translation>Reference registry: {n} citizens at http://{host}:{port} (Ctrl+C to stop)</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/registry.py" line="44"/>
        <source>Không tìm thấy tệp dân cư {file}; hãy chỉ ra bằng --population (lệnh `demo` in ra đường dẫn).</source>
        <translation>Population file {file} not found; give it with --population (`demo` prints the path).</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/registry.py" line="50"/>
        <source>--fault phải là một trong: {modes}</source>
        <translation>--fault must be one of: {modes}</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/registry.py" line="57"/>
        <source>Không đọc được tệp dân cư {file}: {err}</source>
        <translation>Cannot read the population file {file}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.cli.report</name>
    <message>
        <location filename="../../desktop/cli/report.py" line="39"/>
        <source>Báo cáo ngày chỉ xuất được dạng .xlsx hoặc .pdf.</source>
        <translation>The day report is written as .xlsx or .pdf.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.resolve</name>
    <message>
        <location filename="../../desktop/cli/resolve.py" line="170"/>
        <source>Đã áp dụng {n} quyết định.</source>
        <translation>Applied {n} decisions.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/resolve.py" line="62"/>
        <source>Bản ghi {old} (trung ương từ chối) đã được gửi lại thành bản ghi {new}; hãy ký lại.</source>
        <translation>Record {old} (rejected by the central service) was resubmitted as record {new}; sign it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/resolve.py" line="134"/>
        <source>{file} không có quyết định nào.</source>
        <translation>{file} holds no decisions.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/resolve.py" line="78"/>
        <source>Không đọc được {file}: {err}</source>
        <translation>Cannot read {file}: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/resolve.py" line="81"/>
        <source>{file} không phải văn bản UTF-8; hãy lưu lại dưới dạng CSV UTF-8.</source>
        <translation>{file} is not UTF-8 text; save it again as CSV UTF-8.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/resolve.py" line="167"/>
        <source>Dòng {row} ({field}): {reason} Không quyết định nào được áp dụng.</source>
        <translation>Row {row} ({field}): {reason} No decision was applied.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.restore</name>
    <message>
        <location filename="../../desktop/cli/restore.py" line="38"/>
        <source>Cần mật khẩu sao lưu (--passphrase-stdin).</source>
        <translation>The backup passphrase is needed (--passphrase-stdin).</translation>
    </message>
</context>
<context>
    <name>desktop.cli.settings</name>
    <message>
        <location filename="../../desktop/cli/settings.py" line="46"/>
        <source>{key} là bí mật: nhập qua stdin với --value-stdin, không ghi trên dòng lệnh.</source>
        <translation>{key} is a secret: give it on stdin with --value-stdin, never on the command line.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/settings.py" line="53"/>
        <source>Thiếu giá trị cho {key}.</source>
        <translation>A value for {key} is missing.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.sign</name>
    <message>
        <location filename="../../desktop/cli/sign.py" line="37"/>
        <source>Ngày {d} không đúng dạng YYYY-MM-DD.</source>
        <translation>The date {d} is not in the form YYYY-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/sign.py" line="40"/>
        <source>--limit phải lớn hơn 0.</source>
        <translation>--limit must be at least 1.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/sign.py" line="50"/>
        <source>Đã ký lô {b}: {n} bản ghi</source>
        <translation>Signed batch {b}: {n} records</translation>
    </message>
</context>
<context>
    <name>desktop.cli.sync</name>
    <message>
        <location filename="../../desktop/cli/sync.py" line="45"/>
        <source>Đã gửi {sent} lô; {accepted} chứng nhận mới; {rejected} bản ghi bị từ chối; còn chờ {pending} bản ghi.</source>
        <translation>Sent {sent} batches; {accepted} new certificates; {rejected} records refused; {pending} records waiting.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.trust</name>
    <message>
        <location filename="../../desktop/cli/trust.py" line="34"/>
        <source>Đã nhập {added} chứng thư ký mới ({present} đã có, {skipped} mục bỏ qua) từ {source}.</source>
        <translation>Imported {added} new signing certificates ({present} already present, {skipped} entries skipped) from {source}.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.update</name>
    <message>
        <location filename="../../desktop/cli/update.py" line="63"/>
        <source>Đã tin cậy khoá ký bản cập nhật {key}; hãy so dấu vân tay này với bên vận hành trung ương.</source>
        <translation>Trusted the update signing key {key}; compare this fingerprint with the central's operator.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/update.py" line="38"/>
        <source>Không đọc được tệp {file}: {err}</source>
        <translation>Cannot read the file {file}: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/update.py" line="55"/>
        <source>Không có loại cập nhật "{kind}".</source>
        <translation>There is no update kind "{kind}".</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/update.py" line="79"/>
        <source>Tệp {file} không phải JSON hợp lệ.</source>
        <translation>The file {file} is not valid JSON.</translation>
    </message>
</context>
<context>
    <name>desktop.cli.users</name>
    <message>
        <location filename="../../desktop/cli/users.py" line="58"/>
        <source>Không nhận được mật khẩu trên stdin.</source>
        <translation>No password was given on stdin.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/users.py" line="73"/>
        <source>Tài khoản đầu tiên phải là quản trị viên (--role administrator).</source>
        <translation>The first account must be an administrator (--role administrator).</translation>
    </message>
</context>
<context>
    <name>desktop.cli.verify</name>
    <message>
        <location filename="../../desktop/cli/verify.py" line="43"/>
        <source>Không có danh sách tin cậy: chỉ giải mã, không kiểm tra được chữ ký.</source>
        <translation>No trust list: the certificate is decoded but its signature cannot be checked.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli/verify.py" line="95"/>
        <source>Thời điểm "{value}" không đúng định dạng ISO 8601.</source>
        <translation>The time "{value}" is not ISO 8601.</translation>
    </message>
</context>
<context>
    <name>desktop.db</name>
    <message>
        <location filename="../../desktop/db.py" line="153"/>
        <source>Cơ sở dữ liệu được tạo bởi phiên bản VaxDesk mới hơn; hãy cập nhật VaxDesk.</source>
        <translation>The database was written by a newer VaxDesk; update VaxDesk to open it.</translation>
    </message>
    <message>
        <location filename="../../desktop/db.py" line="146"/>
        <source>Không mở được cơ sở dữ liệu: {err}</source>
        <translation>Cannot open the database: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.errors</name>
    <message>
        <location filename="../../desktop/dcc/errors.py" line="19"/>
        <source>Không ký chứng nhận vì dữ liệu không hợp lệ ({count} lỗi). Lỗi đầu tiên: {first}</source>
        <translation>The certificate was not signed because its data is invalid ({count} problems). First: {first}</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.hc1</name>
    <message>
        <location filename="../../desktop/dcc/hc1.py" line="168"/>
        <source>Khoá ký dùng thuật toán {alg}; chứng nhận DCC chỉ chấp nhận ES256 hoặc PS256.</source>
        <translation>The signing key uses algorithm {alg}; a DCC accepts only ES256 or PS256.</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/hc1.py" line="172"/>
        <source>Khoá ký thiếu mã kid 8 byte (lấy từ chứng thư ký); hãy kiểm tra cấu hình khoá.</source>
        <translation>The signing key has no 8-byte kid (taken from its certificate); check the key setup.</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/hc1.py" line="176"/>
        <source>Thời hạn của chứng nhận phải kết thúc sau thời điểm cấp.</source>
        <translation>The certificate must expire after it is issued.</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/hc1.py" line="179"/>
        <source>Mã nước cấp "{iss}" không phải mã ISO 3166 hai chữ cái.</source>
        <translation>The issuing country "{iss}" is not a two-letter ISO 3166 code.</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.names</name>
    <message>
        <location filename="../../desktop/dcc/names.py" line="51"/>
        <source>Họ tên đang để trống.</source>
        <translation>The full name is empty.</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.payload</name>
    <message>
        <location filename="../../desktop/dcc/payload.py" line="89"/>
        <source>Họ tên đang để trống.</source>
        <translation>The full name is empty.</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/payload.py" line="107"/>
        <source>Không nhận ra vắc xin "{name}"; hãy chọn vắc xin trong danh mục.</source>
        <translation>The vaccine "{name}" is not recognised; choose one from the vaccine table.</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/payload.py" line="82"/>
        <source>Không chuyển được tên "{name}" sang chữ Latinh chuẩn ICAO; hãy nhập tên bằng chữ Latinh.</source>
        <translation>The name "{name}" cannot be transliterated to ICAO Latin letters; enter it in Latin script.</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.qr</name>
    <message>
        <location filename="../../desktop/dcc/qr.py" line="27"/>
        <source>Không tìm thấy mã QR đọc được trong ảnh.</source>
        <translation>No readable QR code was found in the picture.</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/qr.py" line="38"/>
        <source>Không có tệp ảnh {file}.</source>
        <translation>There is no picture file {file}.</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/qr.py" line="41"/>
        <source>Không mở được ảnh {file}: tệp hỏng hoặc không phải ảnh.</source>
        <translation>Cannot open the picture {file}: the file is damaged or not a picture.</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.trust_import</name>
    <message>
        <location filename="../../desktop/dcc/trust_import.py" line="214"/>
        <source>Không nhập được chứng thư ký: {detail}</source>
        <translation>Cannot import signing certificates: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/trust_import.py" line="107"/>
        <source>Không đọc được tệp {file}: {err}</source>
        <translation>Cannot read the file {file}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.trustlist</name>
    <message>
        <location filename="../../desktop/dcc/trustlist.py" line="374"/>
        <source>Danh sách tin cậy không hợp lệ: {detail}</source>
        <translation>The trust list is invalid: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/trustlist.py" line="133"/>
        <source>Không đọc được danh sách tin cậy {file}: {err}</source>
        <translation>Cannot read the trust list {file}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.vaccines</name>
    <message>
        <location filename="../../desktop/dcc/vaccines.py" line="84"/>
        <source>Số mũi tiêm phải là số nguyên từ 1 trở lên, không phải "{value}".</source>
        <translation>The dose number must be a whole number from 1, not "{value}".</translation>
    </message>
</context>
<context>
    <name>desktop.dcc.validate</name>
    <message>
        <location filename="../../desktop/dcc/validate.py" line="116"/>
        <source>thiếu trường bắt buộc</source>
        <translation>the required field is missing</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/validate.py" line="230"/>
        <source>giá trị kiểu {kind} không được phép trong chứng nhận (phải là số nguyên hoặc chuỗi)</source>
        <translation>a value of type {kind} is not allowed in a certificate (use an integer or text)</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/validate.py" line="120"/>
        <source>thiếu mục tiêm chủng (v), xét nghiệm (t) hoặc khỏi bệnh (r)</source>
        <translation>a vaccination (v), test (t) or recovery (r) entry is missing</translation>
    </message>
    <message>
        <location filename="../../desktop/dcc/validate.py" line="222"/>
        <source>khoá {key} không phải chuỗi</source>
        <translation>key {key} is not a string</translation>
    </message>
</context>
<context>
    <name>desktop.demo.__init__</name>
    <message>
        <location filename="../../desktop/demo/__init__.py" line="44"/>
        <source>Số người phải từ 1 đến 200.000.</source>
        <translation>The number of people must be 1 to 200,000.</translation>
    </message>
    <message>
        <location filename="../../desktop/demo/__init__.py" line="48"/>
        <source>Thư mục làm việc {path} đã có dữ liệu demo. Hãy dùng một thư mục mới (--workspace THƯ_MỤC_MỚI).</source>
        <translation>The workspace {path} already has a demo. Use a new folder (--workspace NEW_FOLDER).</translation>
    </message>
</context>
<context>
    <name>desktop.demo.central</name>
    <message>
        <location filename="../../desktop/demo/central.py" line="33"/>
        <source>Chưa có mã cơ sở (facility_code).</source>
        <translation>The facility code (facility_code) is not set.</translation>
    </message>
    <message>
        <location filename="../../desktop/demo/central.py" line="28"/>
        <source>Thiếu {file}; hãy tạo token demo trước.</source>
        <translation>{file} is missing; create the demo token first.</translation>
    </message>
</context>
<context>
    <name>desktop.demo.token</name>
    <message>
        <location filename="../../desktop/demo/token.py" line="45"/>
        <source>Chưa cài SoftHSM2 (gói softhsm2) nên không tạo được token demo.</source>
        <translation>SoftHSM2 (package softhsm2) is not installed, so no demo token can be made.</translation>
    </message>
    <message>
        <location filename="../../desktop/demo/token.py" line="120"/>
        <source>Không có softhsm2-util (gói softhsm2).</source>
        <translation>softhsm2-util (package softhsm2) is missing.</translation>
    </message>
    <message>
        <location filename="../../desktop/demo/token.py" line="126"/>
        <source>Không khởi tạo được token SoftHSM: {err}</source>
        <translation>Cannot initialise the SoftHSM token: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/demo/token.py" line="184"/>
        <source>Chưa có mã cơ sở (facility_code).</source>
        <translation>The facility code (facility_code) is not set.</translation>
    </message>
</context>
<context>
    <name>desktop.diagnosis</name>
    <message>
        <location filename="../../desktop/diagnosis.py" line="31"/>
        <source>Không kết nối được {name} tại {url}: {err}. Kiểm tra địa chỉ và mạng.</source>
        <translation>Cannot reach the {name} at {url}: {err}. Check the address and the network.</translation>
    </message>
</context>
<context>
    <name>desktop.importer.corrections</name>
    <message>
        <location filename="../../desktop/importer/corrections.py" line="70"/>
        <source>Không có danh sách số {id}.</source>
        <translation>There is no list {id}.</translation>
    </message>
</context>
<context>
    <name>desktop.importer.export</name>
    <message>
        <location filename="../../desktop/importer/export.py" line="40"/>
        <source>Chỉ xuất được tệp .xlsx hoặc .csv, không phải “{suffix}”.</source>
        <translation>Export to .xlsx or .csv, not “{suffix}”.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/export.py" line="45"/>
        <source>Không có danh sách số {id}.</source>
        <translation>There is no list {id}.</translation>
    </message>
</context>
<context>
    <name>desktop.importer.fields</name>
    <message>
        <location filename="../../desktop/importer/fields.py" line="27"/>
        <source>Mã mũi tiêm</source>
        <translation>Platform record id</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="29"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="31"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="33"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="34"/>
        <source>Số CMND/CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="38"/>
        <source>Quốc tịch</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="39"/>
        <source>Số điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="40"/>
        <source>Số thẻ BHYT</source>
        <translation>Health insurance no.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="42"/>
        <source>Mã tỉnh</source>
        <translation>Province code</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="43"/>
        <source>Mã huyện</source>
        <translation>District code</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="45"/>
        <source>Mã xã</source>
        <translation>Ward code</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="46"/>
        <source>Tên vắc xin</source>
        <translation>Vaccine</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="49"/>
        <source>Lô vắc xin</source>
        <translation>Lot number</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="51"/>
        <source>Mũi số</source>
        <translation>Dose number</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="53"/>
        <source>Ngày tiêm</source>
        <translation>Vaccination date</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/fields.py" line="55"/>
        <source>Mã cơ sở tiêm</source>
        <translation>Facility code</translation>
    </message>
</context>
<context>
    <name>desktop.importer.load</name>
    <message>
        <location filename="../../desktop/importer/load.py" line="233"/>
        <source>{name}, sinh {dob}, mũi {dose}, ngày {date}</source>
        <translation>{name}, born {dob}, dose {dose}, date {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="225"/>
        <source>mã {ref}</source>
        <translation>record id {ref}</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="230"/>
        <source>số giấy tờ {id}, mũi {dose}, ngày {date}</source>
        <translation>ID {id}, dose {dose}, date {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="106"/>
        <source>Không tìm thấy cột “{column}” cho trường {field}. Các cột: {headers}</source>
        <translation>No column “{column}” for field {field}. Columns: {headers}</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="140"/>
        <source>Tệp {file} không có dữ liệu.</source>
        <translation>{file} has no data.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="144"/>
        <source>Không tìm thấy dòng tiêu đề trong {file}. Cần các cột: {required}. Các tiêu đề thấy được: {seen}. Hãy chọn cột cho từng trường (trong cửa sổ Nhập, hoặc --map trường=cột).</source>
        <translation>No header row found in {file}. Needed: {required}. Headers seen: {seen}. Map the columns (in the Import window, or --map field=column).</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="155"/>
        <source>Tệp {file} thiếu cột bắt buộc: {missing}. Các tiêu đề thấy được: {seen}. Hãy thêm cột, hoặc chọn cột tương ứng (trong cửa sổ Nhập, hoặc --map trường=cột).</source>
        <translation>{file} lacks required columns: {missing}. Headers seen: {seen}. Add them, or map the columns (in the Import window, or --map field=column).</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="164"/>
        <source>Không nhận ra dấu phân cách cột trong {file}.</source>
        <translation>Cannot tell the column delimiter of {file}.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="293"/>
        <source>Tệp {file} chỉ có dòng tiêu đề, không có dòng dữ liệu nào.</source>
        <translation>{file} has a header but no data rows.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="88"/>
        <source>Không có trường {field}. Các trường: {fields}</source>
        <translation>There is no field {field}. Fields: {fields}</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="286"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/load.py" line="332"/>
        <source>Dòng {row}</source>
        <translation>Row {row}</translation>
    </message>
</context>
<context>
    <name>desktop.importer.messages</name>
    <message>
        <location filename="../../desktop/importer/messages.py" line="87"/>
        <source>giới tính</source>
        <translation>sex</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/messages.py" line="87"/>
        <source>thế kỷ sinh</source>
        <translation>century of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/messages.py" line="88"/>
        <source>năm sinh</source>
        <translation>year of birth</translation>
    </message>
</context>
<context>
    <name>desktop.importer.preview</name>
    <message>
        <location filename="../../desktop/importer/preview.py" line="129"/>
        <source>Ghi ngày dạng dd/mm/yyyy (ví dụ 31/12/2021).</source>
        <translation>Write the date as dd/mm/yyyy (e.g. 31/12/2021).</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="130"/>
        <source>Ghi CCCD 12 số, CMND 9 số hoặc số hộ chiếu; định dạng cột là Văn bản (Text) trong Excel.</source>
        <translation>Write a 12-digit CCCD, a 9-digit CMND or a passport number; format the column as Text in Excel.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="149"/>
        <source>Sửa giá trị theo lời nhắn.</source>
        <translation>Correct the value as the message says.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="133"/>
        <source>Chọn Nam hoặc Nữ.</source>
        <translation>Choose Nam (male) or Nữ (female).</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="134"/>
        <source>Chọn vắc xin trong danh mục.</source>
        <translation>Pick the vaccine from the catalogue.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="138"/>
        <source>Định dạng cột là Văn bản (Text) trong Excel để giữ số 0 ở đầu.</source>
        <translation>Format the column as Text in Excel to keep the leading zeros.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="141"/>
        <source>Kiểm tra số CCCD, giới tính và năm sinh.</source>
        <translation>Check the CCCD, sex and year of birth.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="142"/>
        <source>Ghi mũi số từ 1 đến 10.</source>
        <translation>Write a dose number from 1 to 10.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="143"/>
        <source>Ghi đúng họ và tên, không có chữ số.</source>
        <translation>Write the full name, without digits.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="144"/>
        <source>Ghi mã quốc gia 2 chữ cái (VN, KR, US…).</source>
        <translation>Write a 2-letter country code (VN, KR, US…).</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="145"/>
        <source>Điền giá trị còn thiếu.</source>
        <translation>Fill in the missing value.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="146"/>
        <source>Rút gọn giá trị.</source>
        <translation>Shorten the value.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="147"/>
        <source>Điền ít nhất một mũi tiêm.</source>
        <translation>Fill in at least one dose.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="156"/>
        <source>ô ngày của Excel</source>
        <translation>Excel date cells</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="156"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="157"/>
        <source>yyyy-mm-dd</source>
        <translation>yyyy-mm-dd</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="157"/>
        <source>số ngày của Excel</source>
        <translation>Excel day numbers</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="245"/>
        <source>Dòng {row}, cột “{column}”: {value} là số ngày của Excel, được đọc thành {date}. Hãy kiểm tra lại ngày này và định dạng cột là Ngày (dd/mm/yyyy).</source>
        <translation>Row {row}, column “{column}”: {value} is an Excel day number, read as {date}. Check this date and format the column as Date (dd/mm/yyyy).</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="356"/>
        <source>ngày ghi bằng số của Excel</source>
        <translation>dates as Excel day numbers</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="357"/>
        <source>ngày khác kiểu trong cột</source>
        <translation>dates in another form than their column</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="358"/>
        <source>giới tính không rõ</source>
        <translation>sex not understood</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="359"/>
        <source>vắc xin không có trong danh mục</source>
        <translation>vaccines not in the catalogue</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="360"/>
        <source>số giấy tờ sai</source>
        <translation>invalid ID numbers</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="361"/>
        <source>thiếu số giấy tờ</source>
        <translation>missing ID numbers</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="362"/>
        <source>số giấy tờ mất số 0 ở đầu</source>
        <translation>ID numbers that lost leading zeros</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="363"/>
        <source>CCCD không khớp giới tính/năm sinh</source>
        <translation>CCCD disagreeing with sex/year of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="364"/>
        <source>ngày không đọc được</source>
        <translation>unreadable dates</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="365"/>
        <source>năm chỉ có 2 chữ số</source>
        <translation>two-digit years</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="366"/>
        <source>ngày tiêm chỉ có năm</source>
        <translation>vaccination dates with only a year</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="367"/>
        <source>ngày tiêm ở tương lai</source>
        <translation>vaccination dates in the future</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="368"/>
        <source>tiêm trước ngày sinh</source>
        <translation>vaccinated before birth</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="369"/>
        <source>ngày sinh trước 1900</source>
        <translation>dates of birth before 1900</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="370"/>
        <source>ngày sinh ở tương lai</source>
        <translation>dates of birth in the future</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="371"/>
        <source>mũi số sai</source>
        <translation>invalid dose numbers</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="372"/>
        <source>họ tên sai</source>
        <translation>invalid names</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="373"/>
        <source>quốc tịch không rõ</source>
        <translation>nationality not understood</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="374"/>
        <source>ô bắt buộc còn trống</source>
        <translation>required cells empty</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="375"/>
        <source>giá trị quá dài</source>
        <translation>values too long</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="376"/>
        <source>dòng không có mũi tiêm</source>
        <translation>rows without a dose</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="340"/>
        <source>Cột “{column}” ghi ngày theo nhiều kiểu: {forms}. Hãy thống nhất một kiểu dd/mm/yyyy để tránh đọc nhầm ngày và tháng.</source>
        <translation>Column “{column}” writes dates in several forms: {forms}. Use dd/mm/yyyy throughout so that day and month are not confused.</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="280"/>
        <source>Dòng {row}</source>
        <translation>Row {row}</translation>
    </message>
    <message>
        <location filename="../../desktop/importer/preview.py" line="347"/>
        <source>Dòng {row}, cột “{column}”: “{value}” ghi theo kiểu {form}, khác với phần lớn cột ({main}). Hãy ghi dạng dd/mm/yyyy.</source>
        <translation>Row {row}, column “{column}”: “{value}” is written as {form}, unlike most of the column ({main}). Write it as dd/mm/yyyy.</translation>
    </message>
</context>
<context>
    <name>desktop.overview.picture</name>
    <message>
        <location filename="../../desktop/overview/picture.py" line="20"/>
        <source>Chưa kiểm tra</source>
        <translation>Loaded</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="21"/>
        <source>Cần đối chiếu</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="22"/>
        <source>Sẵn sàng ký</source>
        <translation>Ready to sign</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="23"/>
        <source>Đã ký</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="24"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="25"/>
        <source>Đã cấp chứng nhận</source>
        <translation>Certified</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="26"/>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="208"/>
        <source>{n} bản ghi sẵn sàng ký, chờ người ký số</source>
        <translation>{n} records ready to sign, waiting for a signer</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="195"/>
        <source>{n} bản ghi cần đối chiếu</source>
        <translation>{n} records need review</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="197"/>
        <source>{n} bản ghi chưa kiểm tra với CSDL dân cư</source>
        <translation>{n} records not yet checked against the registry</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="199"/>
        <source>{n} bản ghi sẵn sàng ký số</source>
        <translation>{n} records ready to sign</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="201"/>
        <source>{n} bản ghi đã ký, chờ gửi lên hệ thống trung ương</source>
        <translation>{n} signed records waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="203"/>
        <source>{n} bản ghi đã gửi, chờ nhận chứng nhận</source>
        <translation>{n} sent records waiting for certificates</translation>
    </message>
    <message>
        <location filename="../../desktop/overview/picture.py" line="230"/>
        <source>Chưa có danh sách nào: hãy nhập danh sách tiêm hôm nay</source>
        <translation>No lists yet: import today's vaccination list</translation>
    </message>
</context>
<context>
    <name>desktop.printing.pdf</name>
    <message>
        <location filename="../../desktop/printing/pdf.py" line="56"/>
        <source>Không có kiểu trang "{layout}"; chọn a4 hoặc card.</source>
        <translation>There is no layout "{layout}"; choose a4 or card.</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/pdf.py" line="61"/>
        <source>Không có chứng nhận nào để in.</source>
        <translation>There is no certificate to print.</translation>
    </message>
    <message>
        <location filename="../../desktop/printing/pdf.py" line="97"/>
        <source>Không ghi được tệp PDF {file}: {err}</source>
        <translation>Cannot write the PDF file {file}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.printing.raster</name>
    <message>
        <location filename="../../desktop/printing/raster.py" line="49"/>
        <source>Không có công cụ hiển thị PDF (pypdfium2 hoặc pdftoppm) để xem trước và in.</source>
        <translation>No PDF renderer (pypdfium2 or pdftoppm) is installed for preview and printing.</translation>
    </message>
</context>
<context>
    <name>desktop.private</name>
    <message>
        <location filename="../../desktop/private.py" line="35"/>
        <source>{path} thuộc về một tài khoản khác của máy tính hoặc không đổi được quyền truy cập, nên người khác có thể đọc dữ liệu cá nhân trong đó. Hãy nhờ bộ phận CNTT chuyển quyền sở hữu cho bạn (chown) hoặc chọn thư mục làm việc khác.</source>
        <translation>{path} belongs to another account of this computer or its permissions cannot be changed, so others could read the personal data in it. Ask IT to make you its owner (chown), or choose another workspace folder.</translation>
    </message>
</context>
<context>
    <name>desktop.registry.check</name>
    <message>
        <location filename="../../desktop/registry/check.py" line="85"/>
        <source>Đã kiểm tra {done} bản ghi: {matched} khớp, {mismatch} lệch, {not_found} không tìm thấy, {invalid} số định danh không hợp lệ.</source>
        <translation>{done} records checked: {matched} matched, {mismatch} mismatched, {not_found} not found, {invalid} invalid IDs.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/check.py" line="121"/>
        <source>Chưa cài đặt địa chỉ CSDL dân cư. Hãy nhập địa chỉ và khoá truy cập trong Cài đặt.</source>
        <translation>The population registry address is not set. Enter the address and token in Settings.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/check.py" line="97"/>
        <source>{n} bản ghi chưa được kiểm tra: {why}; sẽ thử lại.</source>
        <translation>{n} records not checked: {why}; will retry.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/check.py" line="103"/>
        <source>Không có bản ghi nào cần kiểm tra.</source>
        <translation>No records need checking.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/check.py" line="356"/>
        <source>Đang kiểm tra với CSDL dân cư…</source>
        <translation>Checking with the population registry…</translation>
    </message>
</context>
<context>
    <name>desktop.registry.client</name>
    <message>
        <location filename="../../desktop/registry/client.py" line="219"/>
        <source>CSDL dân cư từ chối khoá truy cập của cơ sở (HTTP {status}). Hãy kiểm tra địa chỉ và khoá truy cập CSDL dân cư trong Cài đặt, rồi kiểm tra lại.</source>
        <translation>The population registry refused the facility's access token (HTTP {status}). Check the registry address and token in Settings, then check again.</translation>
    </message>
</context>
<context>
    <name>desktop.registry.connection</name>
    <message>
        <location filename="../../desktop/registry/connection.py" line="13"/>
        <source>CSDL dân cư</source>
        <translation>population registry</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/connection.py" line="30"/>
        <source>CSDL dân cư trả lời HTTP {status}; thử lại sau.</source>
        <translation>The registry answered HTTP {status}; try again later.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/connection.py" line="15"/>
        <source>Chưa nhập địa chỉ CSDL dân cư.</source>
        <translation>No registry address is set.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/connection.py" line="24"/>
        <source>CSDL dân cư từ chối mã truy cập (HTTP {status}); kiểm tra mã truy cập của cơ sở.</source>
        <translation>The registry refused the access token (HTTP {status}); check the facility's token.</translation>
    </message>
    <message>
        <location filename="../../desktop/registry/connection.py" line="29"/>
        <source>Kết nối CSDL dân cư tốt.</source>
        <translation>The registry is reachable.</translation>
    </message>
</context>
<context>
    <name>desktop.reports.chart</name>
    <message>
        <location filename="../../desktop/reports/chart.py" line="53"/>
        <source>Theo danh sách</source>
        <translation>By list</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/chart.py" line="53"/>
        <source>Theo ngày tiêm</source>
        <translation>By vaccination day</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/chart.py" line="58"/>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/chart.py" line="61"/>
        <source>Chưa có bản ghi nào</source>
        <translation>No records yet</translation>
    </message>
</context>
<context>
    <name>desktop.reports.day</name>
    <message>
        <location filename="../../desktop/reports/day.py" line="117"/>
        <source>"{text}" không phải là ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).</source>
        <translation>"{text}" is not a valid date (dd/mm/yyyy or yyyy-mm-dd).</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/day.py" line="102"/>
        <source>Ngày kết thúc {end} trước ngày bắt đầu {start}.</source>
        <translation>The end day {end} is before the start day {start}.</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/day.py" line="171"/>
        <source>(đính chính)</source>
        <translation>(corrections)</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/day.py" line="142"/>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>desktop.reports.labels</name>
    <message>
        <location filename="../../desktop/reports/labels.py" line="11"/>
        <source>Báo cáo cấp chứng nhận tiêm chủng COVID-19</source>
        <translation>COVID-19 vaccination certificate report</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="29"/>
        <source>Danh sách</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="30"/>
        <source>Ngày nhập</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="31"/>
        <source>Bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="32"/>
        <source>Dòng bị loại khi nhập</source>
        <translation>Rows rejected at loading</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="33"/>
        <source>Đã ký số</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="34"/>
        <source>Đã cấp</source>
        <translation>Certified</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="35"/>
        <source>Đã in</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="36"/>
        <source>Ngày tiêm</source>
        <translation>Vaccination day</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="37"/>
        <source>Vắc xin</source>
        <translation>Vaccine</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="38"/>
        <source>Mũi</source>
        <translation>Dose</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="39"/>
        <source>Kỳ báo cáo</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="40"/>
        <source>Cơ sở</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="41"/>
        <source>Lập lúc</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="43"/>
        <source>Nạp và kiểm tra với CSDL dân cư</source>
        <translation>Loading and registry check</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="44"/>
        <source>Quyết định đối chiếu</source>
        <translation>Review decisions</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="45"/>
        <source>Tiến độ (như trang Tổng quan)</source>
        <translation>Progress (as on the Overview)</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="46"/>
        <source>Theo ngày tiêm</source>
        <translation>By vaccination day</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="47"/>
        <source>Theo vắc xin và mũi</source>
        <translation>By vaccine and dose</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="14"/>
        <source>Chưa kiểm tra</source>
        <translation>Unchecked</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="15"/>
        <source>Khớp</source>
        <translation>Matched</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="16"/>
        <source>Sai lệch</source>
        <translation>Mismatch</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="17"/>
        <source>Không tìm thấy</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="18"/>
        <source>Số định danh sai</source>
        <translation>Invalid ID</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="22"/>
        <source>Theo CSDL dân cư</source>
        <translation>Accept registry</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="23"/>
        <source>Giữ theo danh sách</source>
        <translation>Keep list</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="24"/>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="25"/>
        <source>Loại</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/labels.py" line="26"/>
        <source>Để sau</source>
        <translation>Defer</translation>
    </message>
</context>
<context>
    <name>desktop.reports.register</name>
    <message>
        <location filename="../../desktop/reports/register.py" line="33"/>
        <source>UVCI</source>
        <translation>UVCI</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="33"/>
        <source>Họ và tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="33"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="33"/>
        <source>Vắc xin</source>
        <translation>Vaccine</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="34"/>
        <source>Mũi</source>
        <translation>Dose</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="34"/>
        <source>Ngày tiêm</source>
        <translation>Vaccination date</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="34"/>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="38"/>
        <source>Còn hiệu lực</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="39"/>
        <source>Hết hạn</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="40"/>
        <source>Đã thay thế</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="41"/>
        <source>Đã thu hồi</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="103"/>
        <source>Đang ghi sổ chứng nhận</source>
        <translation>Writing the certificate register</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="98"/>
        <source>Sổ chứng nhận chỉ xuất được dạng xlsx hoặc csv, không phải "{fmt}".</source>
        <translation>The register can be written as xlsx or csv, not "{fmt}".</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/register.py" line="120"/>
        <source>Sổ chứng nhận</source>
        <translation>Certificate register</translation>
    </message>
</context>
<context>
    <name>desktop.reports.workbook</name>
    <message>
        <location filename="../../desktop/reports/workbook.py" line="104"/>
        <source>Không ghi được tệp {file}: {err}</source>
        <translation>Cannot write the file {file}: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/reports/workbook.py" line="60"/>
        <source>Theo danh sách</source>
        <translation>By list</translation>
    </message>
</context>
<context>
    <name>desktop.retention.__init__</name>
    <message>
        <location filename="../../desktop/retention/__init__.py" line="77"/>
        <source>Chưa đặt thời hạn lưu giữ (retention_days); không xoá gì.</source>
        <translation>No retention period is set (retention_days); nothing is purged.</translation>
    </message>
</context>
<context>
    <name>desktop.review.decisions</name>
    <message>
        <location filename="../../desktop/review/decisions.py" line="71"/>
        <source>Chấp nhận dữ liệu CSDL dân cư</source>
        <translation>Accept the registry's values</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="72"/>
        <source>Giữ dữ liệu danh sách</source>
        <translation>Keep the list's values</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="73"/>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="74"/>
        <source>Loại khỏi ký số</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="75"/>
        <source>Để sau</source>
        <translation>Defer</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="273"/>
        <source>{who} đã quyết định bản ghi dòng {row} lúc {when}: “{what}”{why}. Quyết định của bạn chưa được ghi; bản ghi đã được tải lại, hãy xem lại.</source>
        <translation>{who} decided the record of row {row} at {when}: “{what}”{why}. Your decision was not recorded; the record has been reloaded, look at it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="255"/>
        <source>Bản ghi dòng {row} đã thay đổi từ khi bạn mở (phiên bản {seen} → {version}): có thể vừa được kiểm tra lại ở máy khác. Quyết định của bạn chưa được ghi; bản ghi đã được tải lại, hãy xem lại.</source>
        <translation>The record of row {row} changed since you opened it (version {seen} → {version}), perhaps checked again on another workstation. Your decision was not recorded; the record has been reloaded, look at it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="267"/>
        <source>{who} vừa hoàn tác quyết định “{what}” trên bản ghi dòng {row} lúc {when}. Quyết định của bạn chưa được ghi; bản ghi đã được tải lại, hãy xem lại.</source>
        <translation>{who} has just undone the decision “{what}” on the record of row {row} at {when}. Your decision was not recorded; the record has been reloaded, look at it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/review/decisions.py" line="121"/>
        <source>sai định dạng</source>
        <translation>malformed</translation>
    </message>
</context>
<context>
    <name>desktop.review.queue</name>
    <message>
        <location filename="../../desktop/review/queue.py" line="282"/>
        <source>Chưa kiểm tra</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="283"/>
        <source>Khớp</source>
        <translation>Matched</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="284"/>
        <source>Sai lệch</source>
        <translation>Mismatch</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="285"/>
        <source>Không tìm thấy</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="286"/>
        <source>Số định danh không hợp lệ</source>
        <translation>Invalid ID</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="287"/>
        <source>Trung ương từ chối</source>
        <translation>Rejected by the central service</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="288"/>
        <source>Để sau</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="291"/>
        <source>Họ tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="292"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="293"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="294"/>
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="297"/>
        <source>Họ tên: khác chữ hoa/khoảng trắng</source>
        <translation>Name: case/spacing</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="298"/>
        <source>Họ tên: khác dấu</source>
        <translation>Name: accents</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="299"/>
        <source>Họ tên: khác thứ tự</source>
        <translation>Name: word order</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="300"/>
        <source>Họ tên: thừa/thiếu tên đệm</source>
        <translation>Name: middle name</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="301"/>
        <source>Họ tên: lỗi gõ</source>
        <translation>Name: typo</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="302"/>
        <source>Họ tên: khác hẳn</source>
        <translation>Name: different</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="303"/>
        <source>Ngày sinh: chỉ có năm/tháng</source>
        <translation>DOB: partial</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="304"/>
        <source>Ngày sinh: đảo ngày/tháng</source>
        <translation>DOB: day/month swapped</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="305"/>
        <source>Ngày sinh: 01/01 điền thay</source>
        <translation>DOB: 01/01 placeholder</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="306"/>
        <source>Ngày sinh: khác</source>
        <translation>DOB: different</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="307"/>
        <source>Giới tính: khác</source>
        <translation>Sex: different</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="308"/>
        <source>Số định danh: CMND cũ đã chuyển CCCD</source>
        <translation>ID: old CMND linked to CCCD</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="309"/>
        <source>Số định danh: không khớp giới tính/năm sinh</source>
        <translation>ID: inconsistent with sex/year</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="76"/>
        <source>Không có loại khác biệt {kind}. Các loại: {known}</source>
        <translation>There is no difference kind {kind}. Kinds: {known}</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="100"/>
        <source>Không có trạng thái {status} trong hàng chờ. Các trạng thái: {known}</source>
        <translation>There is no queue status {status}. Statuses: {known}</translation>
    </message>
    <message>
        <location filename="../../desktop/review/queue.py" line="275"/>
        <source>Không có bản ghi {id}</source>
        <translation>There is no record {id}</translation>
    </message>
</context>
<context>
    <name>desktop.settings</name>
    <message>
        <location filename="../../desktop/settings.py" line="174"/>
        <location filename="../../desktop/settings.py" line="120"/>
        <source>Không có cài đặt {key}</source>
        <translation>There is no setting {key}</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="156"/>
        <source>Giá trị {value!r} không hợp lệ cho {key}</source>
        <translation>Value {value!r} is not valid for {key}</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="190"/>
        <source>một giá trị</source>
        <translation>a value</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="102"/>
        <source>Không đọc được tệp cài đặt {file}: {err}</source>
        <translation>Cannot read the settings file {file}: {err}</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="189"/>
        <source>một số nguyên</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="189"/>
        <source>một số</source>
        <translation>a number</translation>
    </message>
    <message>
        <location filename="../../desktop/settings.py" line="190"/>
        <source>có/không</source>
        <translation>yes/no</translation>
    </message>
</context>
<context>
    <name>desktop.settings_changes</name>
    <message>
        <location filename="../../desktop/settings_changes.py" line="34"/>
        <source>Có {n} cài đặt không hợp lệ:
{list}</source>
        <translation>{n} settings are not valid:
{list}</translation>
    </message>
</context>
<context>
    <name>desktop.signing.batch</name>
    <message>
        <location filename="../../desktop/signing/batch.py" line="170"/>
        <source>đang chờ ký</source>
        <translation>ready to sign</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/batch.py" line="167"/>
        <source>của danh sách {day}</source>
        <translation>from the list of {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/batch.py" line="169"/>
        <source>tiêm ngày {day}</source>
        <translation>vaccinated on {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/batch.py" line="207"/>
        <source>Không có bản ghi nào sẵn sàng để ký.</source>
        <translation>No record is ready to sign.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/batch.py" line="337"/>
        <source>Một số bản ghi vừa được thay đổi trong khi ký (ở cửa sổ hoặc máy khác). Lô này chưa được ký; hãy ký lại.</source>
        <translation>Some records changed while signing (in another window or computer). This batch was not signed; sign again.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/batch.py" line="219"/>
        <source>Đang mở USB token…</source>
        <translation>Opening the USB token…</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/batch.py" line="223"/>
        <source>Đang ký lô {n}/{m}…</source>
        <translation>Signing batch {n} of {m}…</translation>
    </message>
</context>
<context>
    <name>desktop.signing.certcheck</name>
    <message>
        <location filename="../../desktop/signing/certcheck.py" line="58"/>
        <source>Chứng thư số của "{holder}" chỉ có hiệu lực từ {start}. Chưa thể ký.</source>
        <translation>The certificate of "{holder}" is valid only from {start}; it cannot sign yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/certcheck.py" line="65"/>
        <source>Chứng thư số của "{holder}" đã hết hạn ngày {end}. Hãy gia hạn với nhà cung cấp chữ ký số (CA).</source>
        <translation>The certificate of "{holder}" expired on {end}. Renew it with the issuing CA.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/certcheck.py" line="72"/>
        <source>Chứng thư số của "{holder}" không được phép dùng để ký (thiếu digitalSignature/nonRepudiation).</source>
        <translation>The certificate of "{holder}" is not allowed to sign (no digitalSignature/nonRepudiation key usage).</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/certcheck.py" line="79"/>
        <source>Chưa cài đặt mã cơ sở (facility_code) của thư mục làm việc.</source>
        <translation>The workspace has no facility code (setting facility_code).</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/certcheck.py" line="86"/>
        <source>Chứng thư số trên token thuộc "{holder}" (mã cơ sở {codes}), không phải cơ sở {code} của thư mục làm việc này. Hãy cắm đúng token của cơ sở.</source>
        <translation>The certificate on the token belongs to "{holder}" (facility {codes}), not to facility {code} of this workspace. Insert this facility's token.</translation>
    </message>
</context>
<context>
    <name>desktop.signing.connection</name>
    <message>
        <location filename="../../desktop/signing/connection.py" line="65"/>
        <source>Thấy USB ký số: {labels}.</source>
        <translation>Tokens found: {labels}.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/connection.py" line="39"/>
        <source>Chưa chọn mô-đun PKCS#11 của USB ký số.</source>
        <translation>No PKCS#11 module of the signing token is set.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/connection.py" line="57"/>
        <source>Mô-đun đã nạp nhưng không thấy USB ký số nào; hãy cắm USB.</source>
        <translation>The module loaded but sees no token; plug the token in.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/connection.py" line="61"/>
        <source>Không thấy USB ký số có nhãn “{label}”; đang cắm: {labels}.</source>
        <translation>No token labelled “{label}” is present; present: {labels}.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/connection.py" line="51"/>
        <source>Không nạp được mô-đun {module} ({err}). Kiểm tra phần mềm của USB ký số.</source>
        <translation>Could not load the module {module} ({err}). Check the token's software.</translation>
    </message>
</context>
<context>
    <name>desktop.signing.handler</name>
    <message>
        <location filename="../../desktop/signing/handler.py" line="60"/>
        <source>Ký {n_vi} bản ghi {scope}? {held_vi} bản ghi đang chờ đối chiếu.</source>
        <translation>Sign {n_en} records {scope}? {held_en} held for review.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/handler.py" line="34"/>
        <source>Nhập mã PIN của USB token "{label}" (số sê-ri {serial}).</source>
        <translation>Enter the PIN of USB token "{label}" (serial {serial}).</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/handler.py" line="38"/>
        <source>Chứng thư số: {holder}</source>
        <translation>Certificate: {holder}</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/handler.py" line="66"/>
        <source>Sẽ ký thành {b} lô, mỗi lô một lần ký trên token.</source>
        <translation>They will be signed as {b} batches, one token signature each.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/handler.py" line="69"/>
        <source>Trong đó {c} bản ghi đính chính (lô riêng).</source>
        <translation>{c} of them are corrections (separate batches).</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/handler.py" line="72"/>
        <source>Cơ sở: {f}</source>
        <translation>Facilities: {f}</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/handler.py" line="115"/>
        <source>Chưa có mã PIN: dùng --pin-stdin (một dòng trên stdin) hoặc biến môi trường {env}.</source>
        <translation>No PIN given: use --pin-stdin (one line on stdin) or the environment variable {env}.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/handler.py" line="106"/>
        <source>Sai mã PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
</context>
<context>
    <name>desktop.signing.modules</name>
    <message>
        <location filename="../../desktop/signing/modules.py" line="67"/>
        <source>Chưa chọn thư viện PKCS#11 của USB token. Vào Cài đặt → Token để chọn nhà cung cấp (VNPT-CA, Viettel-CA, …) hoặc nhập đường dẫn tệp.</source>
        <translation>No PKCS#11 module is set for the USB token. In Settings → Token choose the vendor (VNPT-CA, Viettel-CA, …) or enter the module's path.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/modules.py" line="78"/>
        <source>Không tìm thấy thư viện của {name} ({paths}). Hãy cài phần mềm token của nhà cung cấp hoặc nhập đường dẫn tệp trong Cài đặt.</source>
        <translation>The {name} module is not installed ({paths}). Install the vendor's token software or enter the module's path in Settings.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/modules.py" line="86"/>
        <source>Không có thư viện PKCS#11 tại {path}. Hãy cài phần mềm token hoặc sửa đường dẫn trong Cài đặt.</source>
        <translation>There is no PKCS#11 module at {path}. Install the token software or correct the path in Settings.</translation>
    </message>
</context>
<context>
    <name>desktop.signing.presign</name>
    <message>
        <location filename="../../desktop/signing/presign.py" line="39"/>
        <source>tên không viết được bằng chữ Latinh ICAO</source>
        <translation>names that cannot be written in ICAO letters</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/presign.py" line="40"/>
        <source>dữ liệu ngoài quy định của chứng nhận DCC</source>
        <translation>data outside the DCC certificate's rules</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/presign.py" line="41"/>
        <source>cùng người, cùng mũi tiêm hai lần</source>
        <translation>the same person's dose twice</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/presign.py" line="42"/>
        <source>của cơ sở không thuộc phạm vi ký</source>
        <translation>of facilities this workspace does not sign for</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/presign.py" line="181"/>
        <source>mũi {dn} của người này đã được ký (ngày tiêm {date}); nếu cần sửa, hãy đính chính chứng nhận</source>
        <translation>dose {dn} of this person is already signed (vaccinated {date}); to change it, correct the certificate</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/presign.py" line="185"/>
        <source>mũi {dn} của người này đã có ở dòng {other} (ngày tiêm {date}); hãy loại một trong hai</source>
        <translation>dose {dn} of this person is also on row {other} (vaccinated {date}); reject one of them</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/presign.py" line="119"/>
        <source>“{name}” có chữ không phải chữ Latinh ({chars}); hãy nhập tên bằng chữ Latinh như trên hộ chiếu</source>
        <translation>“{name}” has letters outside the Latin alphabet ({chars}); enter the name in Latin letters as in the passport</translation>
    </message>
</context>
<context>
    <name>desktop.signing.token</name>
    <message>
        <location filename="../../desktop/signing/token.py" line="129"/>
        <location filename="../../desktop/signing/token.py" line="417"/>
        <source>Sai mã PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="71"/>
        <source>USB token đã bị rút ra hoặc mất kết nối trong khi ký. Không bản ghi nào của lô này được ký; hãy cắm lại token và ký lại.</source>
        <translation>The USB token was removed or disconnected while signing. No record of this batch was signed; insert the token again and sign again.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="101"/>
        <source>USB token báo lỗi {err}. Hãy rút ra, cắm lại và thử lại.</source>
        <translation>The USB token reported {err}. Remove it, insert it again and retry.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="109"/>
        <source>Mã PIN của USB token đã bị khóa do nhập sai quá nhiều lần. Token phải được nhà cung cấp chữ ký số (CA) đã cấp mở khóa.</source>
        <translation>The USB token's PIN is locked after too many wrong PINs. It must be unlocked by the issuing CA.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="124"/>
        <source>Sai mã PIN. Chỉ còn 1 lần thử: nếu nhập sai lần nữa, token sẽ bị khóa và phải nhờ CA mở khóa.</source>
        <translation>Wrong PIN. 1 try left: one more wrong PIN locks the token, and only the CA can unlock it.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="127"/>
        <source>Sai mã PIN. Token báo chỉ còn ít lần thử trước khi bị khóa.</source>
        <translation>Wrong PIN. The token says only a few tries are left before it locks.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="134"/>
        <source>Cảnh báo: đây là lần thử cuối cùng trước khi token bị khóa.</source>
        <translation>Warning: this is the last try before the token locks.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="86"/>
        <source>USB token đang bận (một chương trình khác đang dùng). Hãy đóng chương trình ký số khác rồi thử lại.</source>
        <translation>The USB token is busy (another program is using it). Close the other signing program and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="95"/>
        <source>USB token không hỗ trợ thuật toán ký cần dùng ({err}). Thử cài đặt signing_algorithm = RS256.</source>
        <translation>The USB token does not support the signing algorithm ({err}). Try the setting signing_algorithm = RS256.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="214"/>
        <source>Không tìm thấy chứng thư số của cơ sở trên USB token. Hãy kiểm tra token với nhà cung cấp (CA).</source>
        <translation>No facility certificate was found on the USB token. Check the token with the issuing CA.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="426"/>
        <source>Khóa trên token có kiểu {t} không được hỗ trợ (cần RSA hoặc EC P-256).</source>
        <translation>The key on the token is of type {t}, which is not supported (RSA or EC P-256 needed).</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="163"/>
        <source>Không nạp được thư viện PKCS#11 {path}. Hãy cài lại phần mềm của USB token hoặc kiểm tra đường dẫn.</source>
        <translation>Cannot load the PKCS#11 module {path}. Reinstall the USB token's software or check the path.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="174"/>
        <source>Không thấy USB token{which}. Hãy cắm token vào máy và thử lại.</source>
        <translation>No USB token{which} is present. Insert the token and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="181"/>
        <source>Có nhiều USB token đang cắm. Hãy chọn nhãn hoặc số sê-ri của token trong Cài đặt (token_label, token_serial), hoặc rút bớt token.</source>
        <translation>Several USB tokens are inserted. Choose the token's label or serial in Settings (token_label, token_serial), or remove the others.</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="435"/>
        <source>Token không hỗ trợ RSA-PSS; sẽ ký bằng RS256 (PKCS#1 v1.5).</source>
        <translation>The token does not support RSA-PSS; signing with RS256 (PKCS#1 v1.5).</translation>
    </message>
    <message>
        <location filename="../../desktop/signing/token.py" line="342"/>
        <source>Trên token không có khóa bí mật khớp với chứng thư số (CKA_ID {id}).</source>
        <translation>The token holds no private key matching the certificate (CKA_ID {id}).</translation>
    </message>
</context>
<context>
    <name>desktop.sync.client</name>
    <message>
        <location filename="../../desktop/sync/client.py" line="242"/>
        <source>Máy chủ trung ương gửi {what} không đọc được. Sẽ thử lại sau.</source>
        <translation>The central service sent an unreadable {what}. Will retry later.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="263"/>
        <source>Máy chủ trung ương từ chối cả lô ({code}): {reason}</source>
        <translation>The central service refused the whole batch ({code}): {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="58"/>
        <source>Máy chủ trung ương không chấp nhận thông tin xác thực của cơ sở (central_token): thiếu, sai hoặc đã được cấp lại. Hãy nhập thông tin mới trong Cài đặt; các lô vẫn chờ gửi.</source>
        <translation>The central service did not accept the facility's credential (central_token): missing, wrong or replaced. Enter the current one in Settings; the batches stay queued.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="252"/>
        <location filename="../../desktop/sync/client.py" line="221"/>
        <source>Máy chủ trung ương trả lời HTTP {status} không rõ lý do. Sẽ thử lại sau.</source>
        <translation>The central service answered HTTP {status} without a reason. Will retry later.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="82"/>
        <source>Chưa cài đặt địa chỉ máy chủ trung ương (central_url). Hãy nhập nó trong Cài đặt.</source>
        <translation>The central service address (central_url) is not set. Enter it in Settings.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="145"/>
        <source>danh sách mốc nhật ký</source>
        <translation>audit anchor list</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="157"/>
        <source>trạng thái chứng nhận</source>
        <translation>certificate status</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="166"/>
        <source>xác nhận thu hồi</source>
        <translation>revocation receipt</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="172"/>
        <source>danh sách tin cậy</source>
        <translation>trust list</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="178"/>
        <source>danh sách thu hồi</source>
        <translation>revocation list</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="188"/>
        <source>kết quả lô</source>
        <translation>batch result</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="212"/>
        <source>Máy chủ trung ương đang gặp sự cố (HTTP {status}). Sẽ thử lại sau.</source>
        <translation>The central service is having trouble (HTTP {status}). Will retry later.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="196"/>
        <source>Máy chủ trung ương không trả lời kịp thời ({url}). Sẽ thử lại sau.</source>
        <translation>The central service did not answer in time ({url}). Will retry later.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="202"/>
        <source>Không kết nối được máy chủ trung ương ({url}): mạng hoặc máy chủ đang ngừng. Sẽ thử lại sau.</source>
        <translation>Cannot reach the central service ({url}): the network or the service is down. Will retry later.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/client.py" line="226"/>
        <source>câu trả lời</source>
        <translation>answer</translation>
    </message>
</context>
<context>
    <name>desktop.sync.connection</name>
    <message>
        <location filename="../../desktop/sync/connection.py" line="13"/>
        <source>hệ thống trung ương</source>
        <translation>central service</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/connection.py" line="24"/>
        <source>Hệ thống trung ương trả lời HTTP {status}; thử lại sau hoặc kiểm tra địa chỉ.</source>
        <translation>The central service answered HTTP {status}; try again later or check the address.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/connection.py" line="15"/>
        <source>Chưa nhập địa chỉ hệ thống trung ương.</source>
        <translation>No central service address is set.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/connection.py" line="22"/>
        <source>Kết nối hệ thống trung ương tốt.</source>
        <translation>The central service is reachable.</translation>
    </message>
</context>
<context>
    <name>desktop.sync.engine</name>
    <message>
        <location filename="../../desktop/sync/engine.py" line="259"/>
        <source>CẢNH BÁO: chứng nhận nhận về cho lô {batch} không khớp dữ liệu đã ký hoặc không được ký bởi máy chủ trung ương ({n} bản ghi, ví dụ bản ghi {record}: {what}). Không lưu chứng nhận nào của lô này; hãy báo ngay cho bộ phận CNTT.</source>
        <translation>ALARM: certificates received for batch {batch} do not match the signed data or were not signed by the central service ({n} records, e.g. record {record}: {what}). No certificate of this batch was stored; tell your IT staff at once.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/engine.py" line="320"/>
        <source>Chưa cài đặt địa chỉ máy chủ trung ương (central_url). Hãy nhập nó trong Cài đặt.</source>
        <translation>The central service address (central_url) is not set. Enter it in Settings.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/engine.py" line="233"/>
        <source>CẢNH BÁO: máy chủ trung ương gửi chứng nhận thứ hai ({received}) cho bản ghi {record} đã có chứng nhận {held}. Không lưu gì từ lô {batch}; hãy báo cho bộ phận CNTT.</source>
        <translation>ALARM: the central service sent a second certificate ({received}) for record {record}, which already has {held}. Nothing from batch {batch} was stored; tell your IT staff.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/engine.py" line="195"/>
        <source>Máy chủ trung ương trả kết quả của lô khác. Sẽ thử lại sau.</source>
        <translation>The central service answered for another batch. Will retry later.</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/engine.py" line="180"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
</context>
<context>
    <name>desktop.sync.revocations</name>
    <message>
        <location filename="../../desktop/sync/revocations.py" line="29"/>
        <source>Máy chủ trung ương từ chối thu hồi ({code}): {reason}</source>
        <translation>The central service refused the revocation ({code}): {reason}</translation>
    </message>
</context>
<context>
    <name>desktop.sync.store</name>
    <message>
        <location filename="../../desktop/sync/store.py" line="177"/>
        <source>câu trả lời thiếu kết quả cho {n} bản ghi (ví dụ bản ghi {r})</source>
        <translation>the answer lacks results for {n} records (e.g. record {r})</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/store.py" line="153"/>
        <source>câu trả lời có kết quả cho bản ghi không có trong lô (vị trí {i})</source>
        <translation>the answer has a result for a record not in the batch (position {i})</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/store.py" line="172"/>
        <source>kết quả không rõ "{s}" cho bản ghi {r}</source>
        <translation>unknown result "{s}" for record {r}</translation>
    </message>
</context>
<context>
    <name>desktop.sync.verify</name>
    <message>
        <location filename="../../desktop/sync/verify.py" line="152"/>
        <source>trường {field} khác dữ liệu đã ký: đã ký "{expected}", nhận "{received}"</source>
        <translation>field {field} differs from the signed data: signed "{expected}", received "{received}"</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/verify.py" line="145"/>
        <source>chữ ký bằng khoá không có trong danh sách tin cậy (kid {kid})</source>
        <translation>signed with a key that is not on the trust list (kid {kid})</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/verify.py" line="148"/>
        <source>chữ ký không hợp lệ</source>
        <translation>the signature does not verify</translation>
    </message>
    <message>
        <location filename="../../desktop/sync/verify.py" line="150"/>
        <source>không đọc được chứng nhận ({detail})</source>
        <translation>the certificate cannot be read ({detail})</translation>
    </message>
</context>
<context>
    <name>desktop.updates.bundle</name>
    <message>
        <location filename="../../desktop/updates/bundle.py" line="34"/>
        <source>Bộ mã EU DCC (value sets)</source>
        <translation>EU DCC value sets</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/bundle.py" line="35"/>
        <source>Bảng vắc xin</source>
        <translation>Vaccine table</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/bundle.py" line="36"/>
        <source>Danh sách tin cậy</source>
        <translation>Trust list</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/bundle.py" line="89"/>
        <source>Khoá ký bản cập nhật phải là Ed25519 hoặc ECDSA P-256.</source>
        <translation>The update signing key must be Ed25519 or ECDSA P-256.</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/bundle.py" line="63"/>
        <source>Phiên bản "{version}" không hợp lệ (dạng 2.13.0).</source>
        <translation>The version "{version}" is not valid (use the form 2.13.0).</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/bundle.py" line="96"/>
        <source>Không có loại cập nhật "{kind}".</source>
        <translation>There is no update kind "{kind}".</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/bundle.py" line="84"/>
        <source>Tệp khoá công khai không đọc được (cần PEM).</source>
        <translation>The public key file is unreadable (PEM needed).</translation>
    </message>
</context>
<context>
    <name>desktop.updates.fetch</name>
    <message>
        <location filename="../../desktop/updates/fetch.py" line="24"/>
        <source>Chưa cài đặt địa chỉ máy chủ trung ương (central_url). Hãy nhập nó trong Cài đặt.</source>
        <translation>The central service address (central_url) is not set. Enter it in Settings.</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/fetch.py" line="41"/>
        <source>Máy chủ trung ương trả lời {status} khi lấy bản cập nhật {kind}.</source>
        <translation>The central service answered {status} when asked for the {kind} update.</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/fetch.py" line="45"/>
        <source>Bản cập nhật quá lớn.</source>
        <translation>The update is too large.</translation>
    </message>
    <message>
        <location filename="../../desktop/updates/fetch.py" line="35"/>
        <source>Không kết nối được máy chủ trung ương {url}: {err}</source>
        <translation>Cannot reach the central service {url}: {err}</translation>
    </message>
</context>
<context>
    <name>desktop.updates.store</name>
    <message>
        <location filename="../../desktop/updates/store.py" line="328"/>
        <source>Bản cập nhật {what} phiên bản {version} không mới hơn phiên bản đang dùng ({current}); không áp dụng.</source>
        <translation>The {what} update version {version} is not newer than the version in use ({current}); not applied.</translation>
    </message>
</context>
<context>
    <name>desktop.views.dialogs</name>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="69"/>
        <source>Đã xảy ra lỗi</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="81"/>
        <source>Sao chép báo cáo</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <location filename="../../desktop/views/dialogs.py" line="71"/>
        <source>VaxDesk gặp lỗi không mong muốn. Dữ liệu đã được giữ nguyên. Bạn có thể sao chép báo cáo để gửi cho bộ phận CNTT; VaxDesk không tự gửi gì.</source>
        <translation>VaxDesk hit an unexpected error. Your data is unchanged. You may copy the report for your IT staff; VaxDesk sends nothing by itself.</translation>
    </message>
</context>
<context>
    <name>desktop.views.errors</name>
    <message>
        <location filename="../../desktop/views/errors.py" line="21"/>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
</context>
<context>
    <name>desktop.views.main_window</name>
    <message>
        <location filename="../../desktop/views/main_window.py" line="37"/>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="38"/>
        <source>Nhập danh sách</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="39"/>
        <source>Đối chiếu</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="40"/>
        <source>Ký số</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="41"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="42"/>
        <source>Chứng nhận</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="43"/>
        <source>Kiểm tra mã QR</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="44"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="45"/>
        <source>Nhật ký kiểm tra</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="122"/>
        <source>Các bước trong ngày</source>
        <translation>Stages of the day</translation>
    </message>
</context>
<context>
    <name>desktop.views.operations</name>
    <message>
        <location filename="../../desktop/views/operations.py" line="140"/>
        <source>Đang xử lý…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operations.py" line="282"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.audit</name>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="42"/>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="43"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="44"/>
        <source>Người thực hiện</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="45"/>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="46"/>
        <source>Đối tượng</source>
        <translation>Entity</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="47"/>
        <source>Mã</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="48"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="49"/>
        <source>Trước</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="50"/>
        <source>Sau</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="252"/>
        <source>{total} sự kiện; hiện {shown} sự kiện mới nhất (xuất CSV để có tất cả).</source>
        <translation>{total} events; showing the newest {shown} (export CSV for all).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="256"/>
        <source>{total} sự kiện</source>
        <translation>{total} events</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="295"/>
        <source>Nhật ký nguyên vẹn: {n} sự kiện, {a} mốc đã ký khớp.</source>
        <translation>The log is intact: {n} events, {a} signed anchors agree.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="299"/>
        <source>Nhật ký bị thay đổi từ sự kiện {id} ({problem}). Hãy báo cho người phụ trách an ninh.</source>
        <translation>The log was altered at event {id} ({problem}). Tell the person responsible for security.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="102"/>
        <source>Nhật ký kiểm tra</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="105"/>
        <source>Chỉ quản trị viên được xem nhật ký kiểm tra.</source>
        <translation>Only an administrator may read the audit log.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="121"/>
        <source>tên tài khoản</source>
        <translation>account name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="123"/>
        <source>số bản ghi, mã lô, UVCI…</source>
        <translation>record number, batch id, UVCI…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="127"/>
        <source>mọi thao tác</source>
        <translation>any action</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="130"/>
        <source>Theo &amp;ngày</source>
        <translation>By &amp;date</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="138"/>
        <source>&amp;Người thực hiện</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="139"/>
        <source>&amp;Bản ghi / đối tượng</source>
        <translation>&amp;Record / entity</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="140"/>
        <source>&amp;Thao tác</source>
        <translation>&amp;Action</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="155"/>
        <source>&amp;Lọc</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="158"/>
        <source>Bỏ lọc</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="160"/>
        <source>&amp;Xuất CSV…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="162"/>
        <source>&amp;Kiểm tra tính toàn vẹn</source>
        <translation>&amp;Check integrity</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="175"/>
        <source>Các sự kiện của nhật ký</source>
        <translation>Audit events</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="186"/>
        <source>Số sự kiện</source>
        <translation>Number of events</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="262"/>
        <source>Xuất nhật ký kiểm tra</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="276"/>
        <location filename="../../desktop/views/pages/audit.py" line="278"/>
        <source>Đã xuất {n} sự kiện vào {out}</source>
        <translation>Exported {n} events to {out}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="271"/>
        <source>Đang xuất nhật ký…</source>
        <translation>Exporting the log…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/audit.py" line="290"/>
        <source>Đang kiểm tra nhật ký…</source>
        <translation>Checking the log…</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.backup_panel</name>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="174"/>
        <source>Đã lưu {n} cài đặt sao lưu.</source>
        <translation>Saved {n} backup settings.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="177"/>
        <source>Mật khẩu sao lưu</source>
        <translation>Backup passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="193"/>
        <source>Đã đặt mật khẩu sao lưu. Hãy ghi lại và cất ở nơi an toàn: không có nó, không khôi phục được.</source>
        <translation>The backup passphrase is set. Write it down and keep it safe: without it no backup can be restored.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="44"/>
        <source>Ví dụ: E:\SaoLuu (ổ USB) hoặc \\may-chu\saoluu</source>
        <translation>For example E:\Backups (USB drive) or \\server\backups</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="46"/>
        <source>Thư mục sao lưu</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="47"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="52"/>
        <source>&amp;Thư mục sao lưu:</source>
        <translation>Backup &amp;folder:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="55"/>
        <source>Số bản sao lưu giữ lại</source>
        <translation>Backups to keep</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="56"/>
        <source>&amp;Giữ lại (bản mới nhất):</source>
        <translation>&amp;Keep (newest):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="59"/>
        <source> ngày</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="60"/>
        <source>Thời hạn lưu dữ liệu cá nhân</source>
        <translation>Personal data retention</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="61"/>
        <source>Lưu dữ liệu cá nhân sau cấp &amp;chứng nhận:</source>
        <translation>Keep personal data after &amp;certification:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="63"/>
        <source>Sau thời hạn này, lệnh `vaxdesk purge` xoá họ tên, số định danh, điện thoại… của bản ghi đã cấp chứng nhận (0: không xoá).</source>
        <translation>After this period, `vaxdesk purge` removes names, ID numbers, phones… of certified records (0: never).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="68"/>
        <source>Đặt &amp;mật khẩu sao lưu…</source>
        <translation>Set the backup &amp;passphrase…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="73"/>
        <source>Mật khẩu:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="75"/>
        <source>Lần sao lưu gần nhất</source>
        <translation>Last backup</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="76"/>
        <source>Lần sao lưu gần nhất:</source>
        <translation>Last backup:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="78"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="80"/>
        <source>Kiểm tra một bản sao lưu…</source>
        <translation>Check a backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="82"/>
        <source>&amp;Sao lưu ngay</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="92"/>
        <source>Kết quả sao lưu</source>
        <translation>Backup result</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="94"/>
        <source>Khôi phục trên máy mới: cài VaxDesk rồi chạy `vaxdesk restore TỆP --to THƯ-MỤC` (nhân viên IT; xem docs/operations.md). Bản sao lưu không chứa khoá của USB ký số, mã PIN hay mật khẩu.</source>
        <translation>Restoring on a new PC: install VaxDesk, then run `vaxdesk restore FILE --to FOLDER` (IT staff; see docs/operations.md). A backup holds no token key, PIN or password.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="165"/>
        <source>Chọn thư mục sao lưu</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="178"/>
        <source>Mật khẩu mới (ít nhất 10 ký tự):</source>
        <translation>New passphrase (10 characters or more):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="182"/>
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat the passphrase:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="217"/>
        <source>Chọn bản sao lưu</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="218"/>
        <source>Bản sao lưu VaxDesk (*.vxbak)</source>
        <translation>VaxDesk backups (*.vxbak)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="117"/>
        <source>đã đặt</source>
        <translation>set</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="118"/>
        <source>chưa đặt</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="126"/>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="172"/>
        <source>Không có thay đổi nào.</source>
        <translation>Nothing has changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="186"/>
        <source>Hai mật khẩu không giống nhau.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="199"/>
        <source>Hãy lưu các thay đổi trước khi sao lưu.</source>
        <translation>Save the changes before backing up.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="206"/>
        <source>Đã sao lưu {n} bản ghi, {c} chứng nhận vào {file}.</source>
        <translation>Backed up {n} records and {c} certificates to {file}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="227"/>
        <source>Bản sao lưu đọc được: {n} bản ghi, {c} chứng nhận; nhật ký kiểm tra nguyên vẹn ({e} sự kiện).</source>
        <translation>The backup reads back: {n} records, {c} certificates; the audit log is intact ({e} events).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="213"/>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/backup_panel.py" line="235"/>
        <source>Đang kiểm tra bản sao lưu…</source>
        <translation>Checking the backup…</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.certificates</name>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="72"/>
        <source>Hiệu lực</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="72"/>
        <source>Đã thay thế</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="73"/>
        <location filename="../../desktop/views/pages/certificates.py" line="70"/>
        <source>Đã thu hồi</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="64"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="65"/>
        <source>Còn hiệu lực</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="66"/>
        <source>Mới, chưa in</source>
        <translation>New, never printed</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="67"/>
        <source>Sắp hết hạn</source>
        <translation>Expiring soon</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="68"/>
        <source>Đã hết hạn</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="69"/>
        <source>Đã được thay thế</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="77"/>
        <location filename="../../desktop/views/pages/certificates.py" line="198"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="78"/>
        <source>Số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="79"/>
        <source>Ngày tiêm</source>
        <translation>Vaccinated</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="80"/>
        <source>Mã chứng nhận (UVCI)</source>
        <translation>Certificate (UVCI)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="81"/>
        <source>Hết hạn</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="82"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="83"/>
        <source>Số lần in</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="100"/>
        <source>Thu hồi chứng nhận</source>
        <translation>Revoke certificate</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="100"/>
        <source>Lý do thu hồi {uvci} (cấp nhầm…). Chứng nhận sẽ mất hiệu lực, không có chứng nhận thay thế:</source>
        <translation>Why revoke {uvci} (issued in error…)? It stops being valid and is not replaced:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="113"/>
        <source>Xem trước bản in</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="198"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="199"/>
        <source>Mũi tiêm số</source>
        <translation>Dose number</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="199"/>
        <source>Tổng số mũi</source>
        <translation>Doses in series</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="203"/>
        <source>Đính chính chứng nhận</source>
        <translation>Correct the certificate</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="222"/>
        <source>Lý do (bắt buộc)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="270"/>
        <source>Tìm theo tên (có hoặc không dấu), số định danh, mã UVCI hoặc ngày (dd/mm/yyyy)…</source>
        <translation>Search by name (with or without marks), ID number, UVCI or date (dd/mm/yyyy)…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="278"/>
        <source>Khổ A4</source>
        <translation>A4 page</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="279"/>
        <source>Thẻ gấp A5</source>
        <translation>Folded A5 card</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="289"/>
        <source>Xem mọi chứng nhận</source>
        <translation>Show all certificates</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="306"/>
        <source>Danh sách chứng nhận</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="315"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="316"/>
        <source>Xem trước bản in…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="317"/>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="318"/>
        <source>Lưu PDF các chứng nhận mới…</source>
        <translation>Save all new as PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="319"/>
        <source>Đính chính…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="320"/>
        <source>Thu hồi…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="545"/>
        <source>Lưu chứng nhận thành PDF</source>
        <translation>Save certificates as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="559"/>
        <source>Đã in {n} chứng nhận vào {file}</source>
        <translation>Printed {n} certificates into {file}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="629"/>
        <source>Đã tạo bản đính chính</source>
        <translation>Correction created</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="629"/>
        <source>Bản ghi đính chính số {id} đã được tạo. Hãy đối chiếu, ký số và đồng bộ như bản ghi mới; khi có chứng nhận mới, chứng nhận cũ sẽ bị thay thế.</source>
        <translation>Correction record {id} was created. Check, sign and sync it like new records; once its new certificate arrives, the old one is superseded.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="208"/>
        <source>Bản đính chính được đối chiếu lại với CSDL dân cư, ký số và gửi như bản ghi mới; chứng nhận cũ sẽ bị thay thế và không in được nữa.</source>
        <translation>The correction is checked against the population registry again, signed and sent like a new record; the old certificate is then superseded and can no longer be printed.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="282"/>
        <source>Mẫu in:</source>
        <translation>Layout:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="447"/>
        <source>Hơn {n} chứng nhận (mới nhất trước; cuộn xuống để xem thêm)</source>
        <translation>More than {n} certificates (newest first; scroll down for more)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="451"/>
        <source>{n} chứng nhận</source>
        <translation>{n} certificates</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="524"/>
        <source>Không được phép</source>
        <translation>Not permitted</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="582"/>
        <source>máy in</source>
        <translation>printer</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="643"/>
        <source>Xác nhận thu hồi</source>
        <translation>Confirm revocation</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="643"/>
        <source>Thu hồi chứng nhận của {name} ({uvci})? Việc này được ký bằng USB token và không thể hoàn tác.</source>
        <translation>Revoke the certificate of {name} ({uvci})? This is signed with the USB token and cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="660"/>
        <source>Đã thu hồi {uvci}</source>
        <translation>Revoked {uvci}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="265"/>
        <source>Chứng nhận</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="399"/>
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="555"/>
        <source>Đang tạo PDF…</source>
        <translation>Writing the PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="573"/>
        <source>Đang chuẩn bị bản in…</source>
        <translation>Preparing the print…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="602"/>
        <source>Đang gửi tới máy in…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/certificates.py" line="664"/>
        <source>Đang thu hồi…</source>
        <translation>Revoking…</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.import_page.corrections</name>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="237"/>
        <source>Đã nhập {n} dòng đã sửa ({records} bản ghi) vào danh sách {id}.</source>
        <translation>Loaded {n} corrected rows ({records} records) into list {id}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="110"/>
        <source>Sửa các ô tô màu ngay trong bảng (bấm đúp hoặc F2; vắc xin chọn trong danh mục, giới tính Nam/Nữ, ngày dd/mm/yyyy), rồi bấm “Nhập các dòng đã sửa”. Di chuột lên ô để xem lý do.</source>
        <translation>Correct the coloured cells in the grid (double-click or F2; the vaccine from the catalogue, sex Nam/Nữ, dates dd/mm/yyyy), then press “Load the corrected rows”. Hover a cell for the reason.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="128"/>
        <source>Nhập các dòng đã sửa</source>
        <translation>Load the corrected rows</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="201"/>
        <source>Đã sửa; sẽ được kiểm tra lại khi nhập.</source>
        <translation>Corrected; checked again when loaded.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="228"/>
        <source>Đang nhập các dòng đã sửa…</source>
        <translation>Loading the corrected rows…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="241"/>
        <source>{n} dòng đã có, không nhập lại.</source>
        <translation>{n} rows already loaded, not loaded again.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="244"/>
        <source>{n} dòng vẫn còn lỗi: xem các ô tô màu.</source>
        <translation>{n} rows still have problems: see the coloured cells.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="68"/>
        <source>(chọn vắc xin)</source>
        <translation>(pick a vaccine)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/corrections.py" line="69"/>
        <source>(chọn)</source>
        <translation>(choose)</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.import_page.flags</name>
    <message>
        <location filename="../../desktop/views/pages/import_page/flags.py" line="23"/>
        <source>Cách sửa:</source>
        <translation>How to fix:</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.import_page.page</name>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="370"/>
        <source>&lt;b&gt;{rows} dòng&lt;/b&gt;: {loadable} dòng sẽ được nhập, {rejected} dòng sẽ bị từ chối, {warned} dòng cần xem lại.</source>
        <translation>&lt;b&gt;{rows} rows&lt;/b&gt;: {loadable} will be loaded, {rejected} will be rejected, {warned} need a look.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="504"/>
        <source>{file} đã được nhập trước đây (danh sách {id}): {dups} dòng đã có, không nhập lại.</source>
        <translation>{file} was loaded before (list {id}): {dups} rows already imported, not imported again.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="508"/>
        <source>{file}: {rows} dòng — nhận {accepted} ({records} bản ghi), từ chối {rejected}, trùng {dups}.</source>
        <translation>{file}: {rows} rows — {accepted} accepted ({records} records), {rejected} rejected, {dups} duplicates.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="91"/>
        <source>Mở tệp danh sách…</source>
        <translation>Open list file…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="92"/>
        <location filename="../../desktop/views/pages/import_page/page.py" line="198"/>
        <source>Hoặc kéo thả tệp .xlsx, .xls, .csv vào đây</source>
        <translation>Or drag and drop an .xlsx, .xls or .csv file here</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="95"/>
        <source>Chưa chọn tệp. Kéo thả tệp vào đây hoặc bấm “Mở tệp”.</source>
        <translation>No file yet. Drop a file here or press “Open”.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="116"/>
        <source>Chọn cột cho các trường chưa nhận ra</source>
        <translation>Map the columns not recognised</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="118"/>
        <location filename="../../desktop/views/pages/import_page/page.py" line="401"/>
        <source>Áp dụng và xem lại</source>
        <translation>Apply and preview again</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="124"/>
        <source>Nhập danh sách</source>
        <translation>Import list</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="129"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="152"/>
        <source>Xuất các dòng bị từ chối…</source>
        <translation>Export rejected rows…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="158"/>
        <source>Lý do</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="159"/>
        <source>Sửa các dòng bị từ chối</source>
        <translation>Correct the rejected rows</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="168"/>
        <source>Mọi danh sách</source>
        <translation>All lists</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="178"/>
        <source>Nhập danh sách</source>
        <comment>variant 2</comment>
        <translation>Load a list</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="179"/>
        <source>Tất cả bản ghi</source>
        <translation>All records</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="215"/>
        <source>Chỉ các bản ghi của danh sách số {id}</source>
        <translation>Only the records of list {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="230"/>
        <source>Chọn danh sách tiêm</source>
        <translation>Choose a vaccination list</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="262"/>
        <source>Đang đọc {file}…</source>
        <translation>Reading {file}…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="274"/>
        <source>Không đọc được {file}.</source>
        <translation>Could not read {file}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="305"/>
        <source>{file} — {kind}{layout}. {ok}</source>
        <translation>{file} — {kind}{layout}. {ok}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="319"/>
        <source>Đang kiểm tra từng dòng…</source>
        <translation>Checking every row…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="448"/>
        <source>Đang nhập {file}…</source>
        <translation>Importing {file}…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="462"/>
        <source>Đã huỷ. Không bản ghi nào của tệp được lưu.</source>
        <translation>Cancelled. Nothing from the file was stored.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="494"/>
        <source>Không nhập được tệp. Không có gì được lưu.</source>
        <translation>The file could not be loaded. Nothing was stored.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="519"/>
        <source>Sửa {n} dòng bị từ chối</source>
        <translation>Correct {n} rejected rows</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="552"/>
        <source>Lưu các dòng bị từ chối</source>
        <translation>Save the rejected rows</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="566"/>
        <source>Đã lưu {n} dòng bị từ chối vào {out}</source>
        <translation>Saved {n} rejected rows to {out}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="146"/>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="146"/>
        <source>Cột</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="147"/>
        <source>Giá trị</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="147"/>
        <source>Lý do</source>
        <comment>variant 2</comment>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="303"/>
        <source>mẫu PL1 của nền tảng</source>
        <translation>platform template PL1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="304"/>
        <source>danh sách mỗi dòng một mũi</source>
        <translation>one row per dose</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="339"/>
        <source>Không kiểm tra được các dòng: {error}</source>
        <translation>Could not check the rows: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="377"/>
        <source>&lt;span style='background:#f8d7da;color:#842029'&gt;&amp;nbsp;ô đỏ&amp;nbsp;&lt;/span&gt; dòng sẽ bị từ chối, &lt;span style='background:#fff3cd;color:#664d03'&gt;&amp;nbsp;ô vàng&amp;nbsp;&lt;/span&gt; được nhập nhưng cần xem lại. Chọn ô hoặc di chuột lên ô để xem lý do và cách sửa.</source>
        <translation>&lt;span style='background:#f8d7da;color:#842029'&gt;&amp;nbsp;red cell&amp;nbsp;&lt;/span&gt; the row will be rejected, &lt;span style='background:#fff3cd;color:#664d03'&gt;&amp;nbsp;yellow cell&amp;nbsp;&lt;/span&gt; loaded but worth a look. Select or hover a cell for the reason and the fix.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="385"/>
        <source>Không thấy vấn đề nào.</source>
        <translation>No problem found.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="410"/>
        <source>(chọn cột)</source>
        <translation>(choose a column)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="439"/>
        <source>Không được phép</source>
        <translation>Not permitted</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="469"/>
        <source>Đang huỷ… không bản ghi nào của tệp này được lưu.</source>
        <translation>Cancelling… nothing from this file will be kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="534"/>
        <source>{n} dòng đã có, không nhập lại</source>
        <translation>{n} rows already imported, not imported again</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="308"/>
        <source>Sẵn sàng nhập.</source>
        <translation>Ready to import.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="309"/>
        <source>Chưa nhận ra đủ cột bắt buộc: hãy chọn cột bên dưới.</source>
        <translation>Some required columns are not recognised: map them below.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/import_page/page.py" line="291"/>
        <source>mũi</source>
        <translation>dose</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.overview</name>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="442"/>
        <source>{n} bản ghi chờ bạn ký số</source>
        <translation>{n} records wait for your signature</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="257"/>
        <source>Mở {n} bản ghi “{state}”</source>
        <translation>Open the {n} “{state}” records</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="276"/>
        <source>Hôm nay, {day}</source>
        <translation>Today, {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="283"/>
        <source>Làm mới (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="284"/>
        <source>Làm mới số liệu</source>
        <translation>Refresh the figures</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="287"/>
        <source>Xuất báo cáo…</source>
        <translation>Export a report…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="289"/>
        <source>Lưu biểu đồ…</source>
        <translation>Save the chart…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="294"/>
        <source>Khoá màn hình (Ctrl+L)</source>
        <translation>Lock (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="295"/>
        <source>Khoá màn hình</source>
        <translation>Lock the screen</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="305"/>
        <source>Không còn việc nào đang chờ. ✔</source>
        <translation>Nothing is waiting. ✔</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="322"/>
        <source>Biểu đồ theo danh sách</source>
        <translation>Chart by list</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="323"/>
        <source>Biểu đồ theo ngày tiêm</source>
        <translation>Chart by vaccination day</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="324"/>
        <source>Theo danh sách</source>
        <translation>By list</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="325"/>
        <source>Theo ngày tiêm</source>
        <translation>By vaccination day</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="336"/>
        <source>Bấm vào một con số để mở các bản ghi đó. Trên biểu đồ: mũi tên để chọn, Enter để mở.</source>
        <translation>Click a number to open those records. On the chart: arrows to choose, Enter to open.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/overview.py" line="140"/>
        <source>Chưa có bản ghi nào</source>
        <translation>No records yet</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.report_export</name>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="20"/>
        <source>Báo cáo ngày (Excel .xlsx)</source>
        <translation>Day report (Excel .xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="21"/>
        <source>Báo cáo ngày (PDF)</source>
        <translation>Day report (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="22"/>
        <source>Sổ chứng nhận (Excel .xlsx)</source>
        <translation>Certificate register (Excel .xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="23"/>
        <source>Sổ chứng nhận (CSV)</source>
        <translation>Certificate register (CSV)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="95"/>
        <source>Lưu báo cáo</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="110"/>
        <source>Lưu biểu đồ</source>
        <translation>Save the chart</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="37"/>
        <source>Xuất báo cáo</source>
        <translation>Export a report</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="46"/>
        <source>Loại:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="47"/>
        <source>Từ ngày tiêm:</source>
        <translation>From vaccination day:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="48"/>
        <source>Đến ngày tiêm:</source>
        <translation>To vaccination day:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="83"/>
        <source>Đã xuất</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="83"/>
        <source>Đã ghi {file}</source>
        <translation>Wrote {file}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/report_export.py" line="102"/>
        <source>Đang lập báo cáo…</source>
        <translation>Writing the report…</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.review.dialogs</name>
    <message>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="24"/>
        <source>Sửa bản ghi</source>
        <translation>Edit the record</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="29"/>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="45"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="30"/>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="45"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="33"/>
        <source>dd/mm/yyyy (hoặc chỉ năm sinh)</source>
        <translation>dd/mm/yyyy (or the year alone)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="70"/>
        <source>Chưa có giá trị nào được sửa.</source>
        <translation>No value was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/dialogs.py" line="49"/>
        <source>CSDL</source>
        <translation>registry</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.review.model</name>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="18"/>
        <source>Đã đối chiếu giấy tờ tùy thân (CCCD/hộ chiếu)</source>
        <translation>Checked against the ID card or passport</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="19"/>
        <source>Người được tiêm xác nhận thông tin</source>
        <translation>Confirmed by the vaccinated person</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="20"/>
        <source>Lỗi nhập liệu tại điểm tiêm</source>
        <translation>Data entry error at the vaccination site</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="21"/>
        <source>CSDL dân cư chưa cập nhật</source>
        <translation>The registry is not up to date</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="22"/>
        <source>Người nước ngoài, không có trong CSDL dân cư</source>
        <translation>Foreigner, not in the population registry</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="23"/>
        <source>Trùng người / không phải người được tiêm</source>
        <translation>Duplicate or not the vaccinated person</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="30"/>
        <source>Không có mũi tiêm này</source>
        <translation>This dose was not given</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="31"/>
        <source>Số giấy tờ sai, cần xác minh lại</source>
        <translation>Wrong ID number, to be verified again</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="114"/>
        <source>Khác biệt</source>
        <translation>Differences</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="75"/>
        <source>mũi</source>
        <translation>dose</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="78"/>
        <source>Trung ương từ chối</source>
        <translation>Rejected by the central service</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="80"/>
        <source>Sửa, chấp nhận CSDL hoặc giữ dữ liệu sẽ tạo bản ghi mới để ký lại; loại sẽ bỏ bản ghi này.</source>
        <translation>Edit, accept the registry or keep the list to create a new record that is signed again; reject drops this record.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="82"/>
        <source>Danh sách</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="82"/>
        <source>CSDL dân cư</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="83"/>
        <source>Khác biệt</source>
        <comment>variant 2</comment>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="56"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="56"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="73"/>
        <source>dòng</source>
        <translation>row</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="100"/>
        <source>Quyết định này áp dụng cho {n} mũi của cùng người</source>
        <translation>This decision applies to {n} doses of the same person</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="101"/>
        <source>cùng số giấy tờ, họ tên, ngày sinh và cùng khác biệt</source>
        <translation>same ID number, name, date of birth and differences</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="103"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="74"/>
        <source>mã</source>
        <translation>ref</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="94"/>
        <source>Số giấy tờ không hợp lệ</source>
        <translation>The ID number is not valid</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="95"/>
        <source>Hãy sửa (E) theo giấy tờ tùy thân hoặc loại (R).</source>
        <translation>Edit it (E) from the ID card or reject (R).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/model.py" line="97"/>
        <source>CSDL dân cư không có dữ liệu cho bản ghi này.</source>
        <translation>The registry has no data for this record.</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.review.page</name>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="748"/>
        <source>“{action}” cho {n} bản ghi loại “{kind}”. {n} bản ghi sẽ thay đổi. Tiếp tục?</source>
        <translation>“{action}” for {n} records of kind “{kind}”. {n} records will change. Continue?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="538"/>
        <source>Không còn bản ghi nào cần quyết định.</source>
        <translation>No records need a decision.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="104"/>
        <source>Kiểm tra với CSDL dân cư (F5)</source>
        <translation>Check with the registry (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="113"/>
        <source>Xem cả hàng chờ</source>
        <translation>Show the whole queue</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="121"/>
        <source>Lọc theo loại khác biệt</source>
        <translation>Filter by difference kind</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="127"/>
        <source>Lọc theo danh sách</source>
        <translation>Filter by list</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="129"/>
        <source>Mọi danh sách</source>
        <translation>Every list</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="134"/>
        <source>Lọc theo ngày tiêm</source>
        <translation>Filter by vaccination day</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="136"/>
        <source>Mọi ngày</source>
        <translation>Every day</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="147"/>
        <source>Hàng chờ quyết định</source>
        <translation>Queue of records needing a decision</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="189"/>
        <source>Bản ghi đang xét</source>
        <translation>Current record</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="204"/>
        <source>Lý do quyết định</source>
        <translation>Reason for the decision</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="224"/>
        <source>Trước (P)</source>
        <translation>Previous (P)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="224"/>
        <source>Tiếp (N)</source>
        <translation>Next (N)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="225"/>
        <source>Hoàn tác (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="226"/>
        <source>Quyết định cho cả loại… (B)</source>
        <translation>Decide for the whole kind… (B)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="363"/>
        <source> cần quyết định (tổng {n}; số còn lại đã được quyết định)</source>
        <translation> waiting for a decision ({n} in all; the others are already decided)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="369"/>
        <source>{n} bản ghi chưa kiểm tra với CSDL dân cư. Bấm “Kiểm tra với CSDL dân cư (F5)” để kiểm tra.</source>
        <translation>{n} records are not yet checked against the registry. Press “Check with the registry (F5)”.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="533"/>
        <source>&lt;h3&gt;Chưa kiểm tra {n} bản ghi với CSDL dân cư&lt;/h3&gt;&lt;p&gt;Bấm &lt;b&gt;F5&lt;/b&gt; (Kiểm tra với CSDL dân cư) trước; các bản ghi cần quyết định sẽ hiện ở đây.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{n} records are not checked against the registry yet&lt;/h3&gt;&lt;p&gt;Press &lt;b&gt;F5&lt;/b&gt; (Check with the registry) first; the records needing a decision will show here.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="589"/>
        <source>Lý do (chọn hoặc nhập):</source>
        <translation>Reason (choose or type):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="712"/>
        <source>Đã hoàn tác: {action}</source>
        <translation>Undone: {action}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="727"/>
        <location filename="../../desktop/views/pages/review/page.py" line="723"/>
        <location filename="../../desktop/views/pages/review/page.py" line="745"/>
        <location filename="../../desktop/views/pages/review/page.py" line="751"/>
        <source>Quyết định hàng loạt</source>
        <translation>Bulk decision</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="728"/>
        <source>Thao tác cho mọi bản ghi của loại này:</source>
        <translation>Action for every record of this kind:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="781"/>
        <location filename="../../desktop/views/pages/review/page.py" line="806"/>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="119"/>
        <source>Loại:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="125"/>
        <source>Danh sách:</source>
        <translation>List:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="132"/>
        <source>Ngày tiêm:</source>
        <translation>Vaccinated on:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="200"/>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="323"/>
        <source>Không được phép</source>
        <translation>Not permitted</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="471"/>
        <source>Tất cả cần quyết định</source>
        <translation>All needing a decision</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="599"/>
        <source>Không có dữ liệu CSDL dân cư để chấp nhận.</source>
        <translation>No registry values to accept.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="659"/>
        <source>Đã ghi: {action} — dòng {row}; gửi lại thành bản ghi {new} để ký lại</source>
        <translation>Recorded: {action} — row {row}; resubmitted as record {new} to sign again</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="723"/>
        <source>Hãy chọn một loại khác biệt trong ô “Loại” trước.</source>
        <translation>Choose a difference kind in “Kind” first.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="746"/>
        <source>Không có bản ghi nào để thay đổi.</source>
        <translation>No records would change.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="763"/>
        <source>Đã thay đổi {n} bản ghi.</source>
        <translation>{n} records changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="807"/>
        <source>Đã dừng kiểm tra; các bản ghi đã kiểm tra được giữ lại.</source>
        <translation>Check stopped; the records already checked are kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="102"/>
        <source>Đối chiếu với CSDL dân cư</source>
        <translation>Review against the population registry</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="486"/>
        <source>Đã xong loại này; chuyển sang loại tiếp theo.</source>
        <translation>This kind is done; moving on to the next one.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="663"/>
        <source>Đã ghi: {action} — dòng {row} và {n} mũi khác của cùng người</source>
        <translation>Recorded: {action} — row {row} and {n} other doses of the same person</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="667"/>
        <source>Đã ghi: {action} — dòng {row}</source>
        <translation>Recorded: {action} — row {row}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="771"/>
        <source>Đang ghi quyết định…</source>
        <translation>Recording decisions…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="787"/>
        <source>Đang kiểm tra với CSDL dân cư…</source>
        <translation>Checking with the population registry…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/review/page.py" line="442"/>
        <source>Danh sách</source>
        <translation>List</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.scope_bar</name>
    <message>
        <location filename="../../desktop/views/pages/scope_bar.py" line="22"/>
        <source>danh sách số {id}</source>
        <translation>list {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/scope_bar.py" line="24"/>
        <source>ngày tiêm {day}</source>
        <translation>vaccinated {day}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/scope_bar.py" line="53"/>
        <source>Chỉ hiện: {what}</source>
        <translation>Showing only: {what}</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.search_filters</name>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="23"/>
        <source>Số điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="24"/>
        <source>Số thẻ BHYT</source>
        <translation>Insurance no.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="33"/>
        <source>Từ dd/mm/yyyy</source>
        <translation>From dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="34"/>
        <source>Đến dd/mm/yyyy</source>
        <translation>To dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="26"/>
        <source>Danh sách</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="27"/>
        <source>Mọi danh sách</source>
        <translation>All lists</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="29"/>
        <source>Vắc xin</source>
        <translation>Vaccine</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="30"/>
        <source>Mọi vắc xin</source>
        <translation>All vaccines</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/search_filters.py" line="40"/>
        <source>Bỏ lọc</source>
        <translation>Clear filters</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.settings</name>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="428"/>
        <location filename="../../desktop/views/pages/settings.py" line="582"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="428"/>
        <location filename="../../desktop/views/pages/settings.py" line="584"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="428"/>
        <location filename="../../desktop/views/pages/settings.py" line="588"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="429"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="89"/>
        <source>Chỉ quản trị viên được thay đổi cài đặt và tài khoản.</source>
        <translation>Only an administrator may change settings and accounts.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="170"/>
        <source>&amp;Mã cơ sở:</source>
        <translation>Facility &amp;code:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="171"/>
        <source>&amp;Tên cơ sở:</source>
        <translation>Facility &amp;name:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="177"/>
        <source>Các cơ sở được &amp;ký thay:</source>
        <translation>Facilities &amp;represented:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="184"/>
        <source>Địa chỉ CSDL &amp;dân cư:</source>
        <translation>&amp;Registry address:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="185"/>
        <source>&amp;Mã truy cập:</source>
        <translation>Access &amp;token:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="186"/>
        <source>Số tra cứu mỗi &amp;lần:</source>
        <translation>Look-ups per &amp;request:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="187"/>
        <source>Chờ tối đa (CSDL dân cư):</source>
        <translation>Registry timeout:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="188"/>
        <source>Kiểm tra kết nối CSDL dân cư</source>
        <translation>Test the registry connection</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="189"/>
        <source>Địa chỉ hệ thống &amp;trung ương:</source>
        <translation>&amp;Central service address:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="191"/>
        <source>Thông tin &amp;xác thực trung ương:</source>
        <translation>Central &amp;credential:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="192"/>
        <source>Chứng thư TLS (tuỳ chọn):</source>
        <translation>TLS certificate file (optional):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="193"/>
        <source>Chờ tối đa (trung ương):</source>
        <translation>Central timeout:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="194"/>
        <source>Đồng bộ mỗi (0: thủ công):</source>
        <translation>Sync every (0: by hand):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="196"/>
        <source>Kiểm tra kết nối trung ương</source>
        <translation>Test the central connection</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="214"/>
        <source>&amp;Nhãn USB ký số:</source>
        <translation>Token &amp;label:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="220"/>
        <source>Số bản ghi mỗi &amp;lô ký:</source>
        <translation>Records per signed &amp;batch:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="221"/>
        <source>Kiểm tra USB ký số</source>
        <translation>Test the token</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="249"/>
        <source>&amp;Khoá màn hình sau (0: không khoá):</source>
        <translation>&amp;Lock the screen after (0: never):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="317"/>
        <source>Đã lưu {n} cài đặt.</source>
        <translation>Saved {n} settings.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="86"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="93"/>
        <source>Đổi mật khẩu của tôi…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="95"/>
        <source>Đổi mật khẩu của tôi</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="100"/>
        <source>Cơ sở</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="101"/>
        <source>Kết nối</source>
        <translation>Connections</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="102"/>
        <source>USB ký số</source>
        <translation>Signing token</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="103"/>
        <source>Chung</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="104"/>
        <source>Sao lưu</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="105"/>
        <source>Cập nhật dữ liệu</source>
        <translation>Data updates</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="107"/>
        <location filename="../../desktop/views/pages/settings.py" line="506"/>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="111"/>
        <source>Kết quả lưu cài đặt</source>
        <translation>Result of saving</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="115"/>
        <source>Hoàn tác thay đổi</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="117"/>
        <source>&amp;Lưu cài đặt</source>
        <translation>&amp;Save settings</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="118"/>
        <source>Lưu cài đặt</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="158"/>
        <source>Kết quả kiểm tra</source>
        <translation>Test result</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="172"/>
        <source>Ký thay cho nhiều cơ sở (Sở Y tế / CDC)</source>
        <translation>Signs for several facilities (provincial health department / CDC)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="174"/>
        <source>Đầu mối ký thay</source>
        <translation>Focal agency</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="204"/>
        <source>Mô-đun PKCS#11</source>
        <translation>PKCS#11 module</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="208"/>
        <source>&amp;Mô-đun PKCS#11:</source>
        <translation>PKCS#11 &amp;module:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="209"/>
        <source>Chọn phần mềm của nhà cung cấp (VNPT-CA, Viettel-CA, BKAV-CA, FPT-CA, Feitian, SafeNet) hoặc nhập đường dẫn bất kỳ.</source>
        <translation>Choose the vendor's module (VNPT-CA, Viettel-CA, BKAV-CA, FPT-CA, Feitian, SafeNet) or type any path.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="217"/>
        <source>Thuật toán ký</source>
        <translation>Signing algorithm</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="218"/>
        <source>Thuật toán &amp;ký:</source>
        <translation>Signing &amp;algorithm:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="223"/>
        <source>USB ký số tìm thấy</source>
        <translation>Tokens found</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="235"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="236"/>
        <source>&amp;Ngôn ngữ mặc định / Language:</source>
        <translation>Default &amp;language / Ngôn ngữ:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="237"/>
        <source>Ngôn ngữ của máy khi chưa ai đăng nhập. Mỗi người chọn ngôn ngữ của mình khi đăng nhập (hoặc ở thanh trạng thái); lựa chọn đó được ghi nhớ cho tài khoản.</source>
        <translation>The language before anyone signs in. Each person chooses their own language at sign-in (or in the status bar); it is remembered for their account.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="242"/>
        <source>&amp;Gợi ý tên đăng nhập lần trước khi đăng nhập</source>
        <translation>Offer the &amp;last user name at sign-in</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="244"/>
        <source>Gợi ý tên đăng nhập lần trước</source>
        <translation>Offer the last user name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="246"/>
        <source>Để tắt trên máy dùng chung: người sau không thấy tên của người trước.</source>
        <translation>Leave off on a shared PC: the next person does not see the previous one's name.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="319"/>
        <source>{saved} Ngôn ngữ mặc định mới dùng từ lần đăng nhập sau của người chưa chọn ngôn ngữ.</source>
        <translation>{saved} The new default language applies at the next sign-in of anyone who has not chosen their own.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="353"/>
        <source>Đang kiểm tra…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="438"/>
        <source>Danh sách tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="453"/>
        <source>&amp;Thêm tài khoản…</source>
        <translation>&amp;Add account…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="454"/>
        <source>Đặt lại &amp;mật khẩu…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="455"/>
        <source>&amp;Mở khoá</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="456"/>
        <source>Đổi &amp;vai trò…</source>
        <translation>Change &amp;role…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="457"/>
        <source>Tắt/&amp;bật tài khoản</source>
        <translation>Disable/&amp;enable</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="464"/>
        <source>Nhân viên nhập liệu: nhập danh sách, đối chiếu, in. Người ký số: thêm ký số bằng USB. Quản trị viên: thêm cài đặt và tài khoản. Sai mật khẩu {n} lần liên tiếp: khoá {m} phút.</source>
        <translation>Clerk: import, review, print. Signer: also signs with the token. Administrator: also settings and accounts. {n} wrong passwords in a row lock an account for {m} minutes.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="491"/>
        <source>Đang khoá</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="528"/>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="529"/>
        <source>Mật khẩu mới cho {user}:</source>
        <translation>New password for {user}:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="539"/>
        <source>Đổi vai trò</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="540"/>
        <source>Vai trò của {user}:</source>
        <translation>Role of {user}:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="556"/>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="559"/>
        <source>Mật khẩu &amp;hiện tại:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="559"/>
        <source>Mật khẩu hiện tại</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="560"/>
        <source>Mật khẩu &amp;mới:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="560"/>
        <source>Mật khẩu mới</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="561"/>
        <source>&amp;Nhập lại:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="561"/>
        <source>Nhập lại mật khẩu mới</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="579"/>
        <source>Thêm tài khoản</source>
        <translation>Add an account</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="591"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="592"/>
        <source>ít nhất {n} ký tự</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="594"/>
        <source>&amp;Tên đăng nhập:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="595"/>
        <source>&amp;Họ và tên:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="596"/>
        <source>&amp;Vai trò:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="597"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="250"/>
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="305"/>
        <source>Chỉ quản trị viên được thay đổi cài đặt.</source>
        <translation>Only an administrator may change settings.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="310"/>
        <source>Không có thay đổi nào.</source>
        <translation>Nothing has changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="391"/>
        <source>Hai mật khẩu mới không giống nhau.</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="396"/>
        <source>Đã đổi mật khẩu.</source>
        <translation>The password was changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="492"/>
        <source>Đã tắt</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="492"/>
        <source>Hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="506"/>
        <source>Hãy chọn một tài khoản trước.</source>
        <translation>Choose an account first.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/settings.py" line="272"/>
        <source>(đã lưu; để trống để giữ nguyên)</source>
        <translation>(saved; leave empty to keep)</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.sign</name>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="38"/>
        <source>Đã ký</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="39"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="40"/>
        <source>Đã ký xác nhận</source>
        <translation>Countersigned</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="41"/>
        <source>Bị từ chối một phần</source>
        <translation>Partly rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="42"/>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="44"/>
        <source>Cấp mới</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="44"/>
        <source>Đính chính</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="46"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="46"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="46"/>
        <source>Số bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="46"/>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="47"/>
        <source>Cơ sở</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="61"/>
        <source>USB token</source>
        <translation>USB token</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="69"/>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="70"/>
        <source>Nhãn:</source>
        <translation>Label:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="71"/>
        <source>Chủ chứng thư số:</source>
        <translation>Certificate holder:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="72"/>
        <source>Hết hạn:</source>
        <translation>Expires:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="74"/>
        <source>&amp;Kiểm tra lại token</source>
        <translation>&amp;Check the token again</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="80"/>
        <source>Bản ghi cần ký</source>
        <translation>Records to sign</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="84"/>
        <source>Chọn bản ghi</source>
        <translation>Choose records</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="85"/>
        <source>Tất cả bản ghi sẵn sàng</source>
        <translation>All ready records</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="86"/>
        <source>Theo danh sách</source>
        <translation>By list</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="87"/>
        <source>Theo ngày tiêm</source>
        <translation>By vaccination date</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="89"/>
        <source>Danh sách hoặc ngày</source>
        <translation>List or date</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="102"/>
        <source>&amp;Ký các bản ghi…</source>
        <translation>&amp;Sign the records…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="105"/>
        <source>Dừng sau lô này</source>
        <translation>Stop after this batch</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="111"/>
        <source>Lý do chưa ký được</source>
        <translation>Why signing is not possible</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="179"/>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="235"/>
        <source>Sẵn sàng ký: {ready}. Đang chờ đối chiếu: {held}.</source>
        <translation>Ready to sign: {ready}. Held for review: {held}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="246"/>
        <source>Chi tiết: mã lô {batch}, thuật toán ký {alg}</source>
        <translation>Details: batch {batch}, signature {alg}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="273"/>
        <source>Đang ký…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="275"/>
        <source>Chưa có bản ghi nào sẵn sàng để ký.</source>
        <translation>No records are ready to sign.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="225"/>
        <source>Sẵn sàng</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="309"/>
        <source>Không được phép ký</source>
        <translation>Not permitted to sign</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="347"/>
        <source>Đã dừng ký. Các lô đã ký xong được giữ nguyên.</source>
        <translation>Signing stopped. The batches already signed are kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="373"/>
        <source>Chưa ký được</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="59"/>
        <source>Ký số bằng USB token</source>
        <translation>Sign with the USB token</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="128"/>
        <source>Các lô đã ký</source>
        <translation>Signed batches</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="215"/>
        <source>Danh sách số {id}</source>
        <translation>List {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="226"/>
        <source>Đã cắm</source>
        <translation>Inserted</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="226"/>
        <source>Không thấy token</source>
        <translation>No token</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="352"/>
        <source>Đã ký {n} bản ghi trong {b} lô. Đang gửi các lô lên trung ương (xem trang Đồng bộ).</source>
        <translation>Signed {n} records in {b} batches. Sending them to the central service (see Sync).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sign.py" line="355"/>
        <source>Đã ký {n} bản ghi trong {b} lô. Các lô đã vào hàng chờ đồng bộ.</source>
        <translation>Signed {n} records in {b} batches. The batches are waiting to be synced.</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.sync</name>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="30"/>
        <source>Đang chờ gửi</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="31"/>
        <source>Đang gửi</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="32"/>
        <source>Đã xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="33"/>
        <source>Cần xử lý</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="36"/>
        <source>Đã ký</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="37"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="38"/>
        <source>Đã cấp đủ</source>
        <translation>All certified</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="39"/>
        <source>Bị từ chối một phần</source>
        <translation>Partly refused</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="40"/>
        <source>Bị từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="42"/>
        <source>Lô</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="42"/>
        <source>Số bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="42"/>
        <source>Trạng thái gửi</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="43"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="43"/>
        <source>Lần thử</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="43"/>
        <source>Thử lại lúc</source>
        <translation>Next attempt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="44"/>
        <source>Lỗi gần nhất</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="177"/>
        <source>Đã gửi {sent} lô; {accepted} chứng nhận mới; {rejected} bản ghi bị từ chối (đã trả về Đối chiếu); còn chờ {pending} bản ghi.</source>
        <translation>Sent {sent} batches; {accepted} new certificates; {rejected} records refused (back in Review); {pending} records waiting.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="60"/>
        <source>Chi tiết: {text}</source>
        <translation>Details: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="123"/>
        <source>Tạm dừng đồng bộ tự động</source>
        <translation>Automatic sync paused</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="85"/>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="86"/>
        <source>Đang chờ:</source>
        <translation>Waiting:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="87"/>
        <source>Lần thành công cuối:</source>
        <translation>Last success:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="88"/>
        <source>Lỗi gần nhất:</source>
        <translation>Last error:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="89"/>
        <source>Lần đồng bộ vừa rồi:</source>
        <translation>Latest sync:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="92"/>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="97"/>
        <source>Gửi lại các lô cần xử lý</source>
        <translation>Send batches needing attention again</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="109"/>
        <source>Các lô trong hộp thư đi</source>
        <translation>Batches in the outbox</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="125"/>
        <source>Chưa đồng bộ lần nào</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="132"/>
        <source>{b} lô ({r} bản ghi) chờ gửi; {f} lô cần xử lý</source>
        <translation>{b} batches ({r} records) waiting; {f} batches need attention</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="187"/>
        <source>Đồng bộ tự động đang tạm dừng.</source>
        <translation>Automatic sync is paused.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="74"/>
        <source>Đồng bộ với máy chủ trung ương</source>
        <translation>Sync with the central service</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="127"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="129"/>
        <source>Ngoại tuyến: công việc vẫn tiếp tục, các lô sẽ được gửi khi có mạng</source>
        <translation>Offline: keep working, batches will be sent when the network is back</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="142"/>
        <source>Tiếp tục đồng bộ tự động</source>
        <translation>Resume automatic sync</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="143"/>
        <source>Tạm dừng đồng bộ tự động</source>
        <comment>variant 2</comment>
        <translation>Pause automatic sync</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="171"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="202"/>
        <source>Gửi lại</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="202"/>
        <source>Chỉ gửi lại khi nguyên nhân đã được xử lý (ví dụ cơ sở đã được đăng ký, bộ phận CNTT đã kiểm tra cảnh báo). Gửi lại các lô cần xử lý?</source>
        <translation>Only send again once the cause is dealt with (e.g. the facility is registered, IT staff checked the alarm). Send the batches needing attention again?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/sync.py" line="162"/>
        <source>Chi tiết: mã lô {batch}</source>
        <translation>Details: batch {batch}</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.updates_panel</name>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="20"/>
        <source>kèm bộ cài</source>
        <translation>bundled with VaxDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="21"/>
        <source>bản cập nhật đã ký</source>
        <translation>signed update</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="22"/>
        <source>nhận khi đồng bộ</source>
        <translation>received by sync</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="23"/>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="38"/>
        <source>Phiên bản dữ liệu đang dùng</source>
        <translation>Data versions in use</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="43"/>
        <source>Cập nhật bằng lệnh "vaxdesk update fetch" (từ máy chủ trung ương) hoặc "vaxdesk update apply TỆP"; mỗi bản cập nhật được kiểm tra chữ ký trước khi dùng.</source>
        <translation>Update with "vaxdesk update fetch" (from the central service) or "vaxdesk update apply FILE"; every update's signature is checked before use.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="33"/>
        <source>Dữ liệu</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="33"/>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="34"/>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="34"/>
        <source>Áp dụng lúc</source>
        <translation>Applied</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="75"/>
        <source>Khoá ký bản cập nhật được tin cậy: {key}</source>
        <translation>Trusted update signing key: {key}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/updates_panel.py" line="76"/>
        <source>Chưa tin cậy khoá ký bản cập nhật nào ("vaxdesk update trust TỆP_KHOÁ").</source>
        <translation>No update signing key is trusted yet ("vaxdesk update trust KEY_FILE").</translation>
    </message>
</context>
<context>
    <name>desktop.views.pages.verify</name>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="41"/>
        <source>Mở ảnh mã QR</source>
        <translation>Open a picture of the QR code</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="45"/>
        <source>Chọn danh sách tin cậy</source>
        <translation>Choose a trust list</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="67"/>
        <source>Kiểm tra</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="69"/>
        <source>Mở ảnh mã QR…</source>
        <translation>Open QR picture…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="70"/>
        <source>Dùng danh sách tin cậy khác…</source>
        <translation>Use another trust list…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="87"/>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="139"/>
        <source>Nơi cấp:</source>
        <translation>Issued by:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="140"/>
        <source>Hiệu lực mã QR:</source>
        <translation>QR code valid:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="148"/>
        <source> Trong đó {k} chứng thư ký nhập từ nước khác.</source>
        <translation> {k} of them imported from other countries.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="58"/>
        <source>Dán chuỗi "HC1:…" (từ máy quét) hoặc mở ảnh chụp/ảnh quét mã QR.</source>
        <translation>Paste the "HC1:…" text (from a scanner) or open a photo or scan of the QR code.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="151"/>
        <source>Chưa có danh sách tin cậy: hãy đồng bộ một lần khi có mạng. Chỉ giải mã được, không kiểm tra chữ ký.</source>
        <translation>No trust list yet: sync once while online. Certificates can be decoded but not checked.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="215"/>
        <source>Danh sách tin cậy</source>
        <translation>Trust list</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="57"/>
        <source>Kiểm tra mã QR chứng nhận</source>
        <translation>Verify a certificate QR code</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="155"/>
        <source>Danh sách tin cậy: {n} chứng thư ký, {r} chứng nhận bị thu hồi ({path}).</source>
        <translation>Trust list: {n} signing certificates, {r} revoked certificates ({path}).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="172"/>
        <source>Đang đọc mã QR…</source>
        <translation>Reading the QR code…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="188"/>
        <source>HỢP LỆ</source>
        <translation>VALID</translation>
    </message>
    <message>
        <location filename="../../desktop/views/pages/verify.py" line="190"/>
        <source>KHÔNG HỢP LỆ</source>
        <translation>NOT VALID</translation>
    </message>
</context>
<context>
    <name>desktop.views.records_table</name>
    <message>
        <location filename="../../desktop/views/records_table.py" line="80"/>
        <source>Đã nhập</source>
        <translation>Loaded</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="80"/>
        <source>Đã ký</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="80"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="81"/>
        <source>Đã cấp chứng nhận</source>
        <translation>Certified</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="81"/>
        <source>Trung ương từ chối</source>
        <translation>Rejected centrally</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="82"/>
        <source>Đã thay thế</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="82"/>
        <source>Đã thu hồi</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="84"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="84"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="114"/>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="115"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="116"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="117"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="118"/>
        <source>Số CMND/CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="119"/>
        <source>Vắc xin</source>
        <translation>Vaccine</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="120"/>
        <source>Mũi</source>
        <translation>Dose</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="121"/>
        <source>Ngày tiêm</source>
        <translation>Vaccinated on</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="122"/>
        <source>Đối chiếu</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="123"/>
        <source>Giai đoạn</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="124"/>
        <source>Mã mũi tiêm</source>
        <translation>Platform id</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="621"/>
        <source>Tìm theo họ tên (có hoặc không dấu), số giấy tờ, mã mũi tiêm…</source>
        <translation>Search by name (with or without marks), ID number, platform id…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="625"/>
        <source>Mọi trạng thái đối chiếu</source>
        <translation>Any check status</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="629"/>
        <source>Mọi giai đoạn</source>
        <translation>Any stage</translation>
    </message>
    <message>
        <location filename="../../desktop/views/records_table.py" line="768"/>
        <source>{n} bản ghi</source>
        <translation>{n} records</translation>
    </message>
</context>
<context>
    <name>desktop.views.sign_in</name>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="291"/>
        <source>Thoát VaxDesk</source>
        <translation>Quit VaxDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="49"/>
        <location filename="../../desktop/views/sign_in.py" line="285"/>
        <source>Thông báo lỗi</source>
        <translation>Error message</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="70"/>
        <source>Đang kiểm tra</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="71"/>
        <location filename="../../desktop/views/sign_in.py" line="286"/>
        <source>Đang kiểm tra mật khẩu…</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="187"/>
        <location filename="../../desktop/views/sign_in.py" line="282"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="190"/>
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="170"/>
        <source>VaxDesk — tạo quản trị viên</source>
        <translation>VaxDesk — create the administrator</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="173"/>
        <source>Chưa có tài khoản nào. Hãy tạo tài khoản quản trị viên: người này cài đặt chương trình và thêm tài khoản cho nhân viên nhập liệu và người ký số.</source>
        <translation>There are no accounts yet. Create the administrator's account: this person sets VaxDesk up and adds accounts for the clerks and the signer.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="183"/>
        <location filename="../../desktop/views/sign_in.py" line="281"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="186"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="188"/>
        <source>ít nhất {n} ký tự</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="191"/>
        <location filename="../../desktop/views/sign_in.py" line="283"/>
        <source>&amp;Tên đăng nhập:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="192"/>
        <source>&amp;Họ và tên:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="193"/>
        <location filename="../../desktop/views/sign_in.py" line="284"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="194"/>
        <source>&amp;Nhập lại:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="199"/>
        <source>Tạo và đăng nhập</source>
        <translation>Create and sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="274"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="275"/>
        <source>Ngôn ngữ của bạn; được ghi nhớ cho tài khoản này.</source>
        <translation>Your language; remembered for this account.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="277"/>
        <source>Màn hình đã khoá vì không dùng. Nhập mật khẩu để tiếp tục, hoặc đăng nhập bằng tài khoản khác.</source>
        <translation>The screen was locked while unused. Enter the password to continue, or sign in as someone else.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="287"/>
        <source>Nhập sai mật khẩu {n} lần liên tiếp, tài khoản bị khoá {m} phút.</source>
        <translation>After {n} wrong passwords in a row the account is locked for {m} minutes.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="290"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="172"/>
        <source>Chào mừng đến với VaxDesk</source>
        <translation>Welcome to VaxDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="211"/>
        <source>Hai mật khẩu không giống nhau.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="272"/>
        <source>VaxDesk — đăng nhập</source>
        <translation>VaxDesk — sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="273"/>
        <source>VaxDesk — đã khoá</source>
        <translation>VaxDesk — locked</translation>
    </message>
</context>
<context>
    <name>desktop.views.sync_status</name>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="113"/>
        <source>Đồng bộ gặp lỗi không mong muốn; chi tiết trong nhật ký.</source>
        <translation>Sync hit an unexpected error; details are in the log.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="133"/>
        <source>Trạng thái đồng bộ</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="168"/>
        <source>Lần thành công cuối: {t}</source>
        <translation>Last success: {t}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="82"/>
        <source>Chưa cài đặt địa chỉ máy chủ trung ương (central_url). Hãy nhập nó trong Cài đặt.</source>
        <translation>The central service address (central_url) is not set. Enter it in Settings.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="98"/>
        <source>Đang đồng bộ với máy chủ trung ương…</source>
        <translation>Syncing with the central service…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="154"/>
        <source>Đồng bộ tạm dừng</source>
        <translation>Sync paused</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="163"/>
        <source>{n} lô chờ gửi</source>
        <translation>{n} batches waiting</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="165"/>
        <source>{n} lô cần xử lý</source>
        <translation>{n} batches need attention</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="170"/>
        <source>Lỗi gần nhất: {e}</source>
        <translation>Last error: {e}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="147"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="156"/>
        <source>Chưa đồng bộ</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="158"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sync_status.py" line="160"/>
        <source>Ngoại tuyến</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>desktop.views.token_handler</name>
    <message>
        <location filename="../../desktop/views/token_handler.py" line="23"/>
        <source>Mã PIN của USB token</source>
        <translation>USB token PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/views/token_handler.py" line="28"/>
        <source>Xác nhận ký số</source>
        <translation>Confirm signing</translation>
    </message>
</context>
<context>
    <name>desktop.workspace</name>
    <message>
        <location filename="../../desktop/workspace.py" line="31"/>
        <source>Đang cập nhật dữ liệu của nơi làm việc cho phiên bản VaxDesk này. Việc này có thể mất vài phút; xin đừng tắt chương trình.</source>
        <translation>Updating the workspace for this version of VaxDesk. This can take minutes; please do not close the program.</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace.py" line="66"/>
        <source>{path} không phải là thư mục</source>
        <translation>{path} is not a folder</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace.py" line="60"/>
        <source>Không có thư mục làm việc {path}</source>
        <translation>There is no workspace at {path}</translation>
    </message>
</context>
<context>
    <name>desktop.workspace_move</name>
    <message>
        <location filename="../../desktop/workspace_move.py" line="77"/>
        <source>Đang chuyển bảng {table}…</source>
        <translation>Moving table {table}…</translation>
    </message>
</context>
<context>
    <name>services.central.app</name>
    <message>
        <location filename="../../services/central/app.py" line="215"/>
        <source>Không có địa chỉ này.</source>
        <translation>There is no such address.</translation>
    </message>
    <message>
        <location filename="../../services/central/app.py" line="216"/>
        <source>Yêu cầu không hợp lệ: {detail}</source>
        <translation>The request is not valid: {detail}</translation>
    </message>
    <message>
        <location filename="../../services/central/app.py" line="260"/>
        <source>Không có chứng nhận {uvci}.</source>
        <translation>There is no certificate {uvci}.</translation>
    </message>
    <message>
        <location filename="../../services/central/app.py" line="207"/>
        <source>Cơ sở dữ liệu của dịch vụ tạm thời không truy cập được; hãy gửi lại sau.</source>
        <translation>The service's database is unavailable for the moment; send again later.</translation>
    </message>
    <message>
        <location filename="../../services/central/app.py" line="232"/>
        <source>Lỗi nội bộ của dịch vụ; hãy thử lại sau.</source>
        <translation>Internal error in the service; try again later.</translation>
    </message>
</context>
<context>
    <name>services.central.batches</name>
    <message>
        <location filename="../../services/central/batches.py" line="247"/>
        <source>{count} bản ghi không khớp gốc Merkle đã ký (lá {leaves}): lô bị sửa sau khi ký; không bản ghi nào được xử lý.</source>
        <translation>{count} records do not match the signed Merkle root (leaves {leaves}): the batch changed after signing; no record was processed.</translation>
    </message>
</context>
<context>
    <name>services.central.config</name>
    <message>
        <location filename="../../services/central/config.py" line="56"/>
        <source>{path} không phải thư mục dữ liệu của dịch vụ trung ương; hãy chạy "central init --data {path}".</source>
        <translation>{path} is not a central service data folder; run "central init --data {path}" first.</translation>
    </message>
    <message>
        <location filename="../../services/central/config.py" line="63"/>
        <source>Không đọc được {file}: {err}</source>
        <translation>Cannot read {file}: {err}</translation>
    </message>
</context>
<context>
    <name>services.central.hsm</name>
    <message>
        <location filename="../../services/central/hsm.py" line="33"/>
        <source>Thiếu mã PIN của HSM trong biến môi trường {env}.</source>
        <translation>The HSM PIN is missing from the environment variable {env}.</translation>
    </message>
    <message>
        <location filename="../../services/central/hsm.py" line="44"/>
        <source>Không mở được HSM {label}: {err}</source>
        <translation>Cannot open the HSM {label}: {err}</translation>
    </message>
    <message>
        <location filename="../../services/central/hsm.py" line="80"/>
        <source>Khoá DSC phải là RSA hoặc EC.</source>
        <translation>The DSC key must be RSA or EC.</translation>
    </message>
    <message>
        <location filename="../../services/central/hsm.py" line="94"/>
        <source>Không tìm thấy đúng một khoá "{label}" trên HSM.</source>
        <translation>There is not exactly one key "{label}" on the HSM.</translation>
    </message>
</context>
<context>
    <name>services.central.keys</name>
    <message>
        <location filename="../../services/central/keys.py" line="42"/>
        <source>Thuật toán {alg} không được hỗ trợ (PS256 hoặc ES256).</source>
        <translation>The algorithm {alg} is not supported (PS256 or ES256).</translation>
    </message>
    <message>
        <location filename="../../services/central/keys.py" line="119"/>
        <source>Thiếu mật khẩu khoá ký: đặt biến môi trường {env}.</source>
        <translation>The signing key passphrase is missing: set {env}.</translation>
    </message>
    <message>
        <location filename="../../services/central/keys.py" line="124"/>
        <source>Tệp mật khẩu {file} đọc được bởi người khác; hãy chạy chmod 600.</source>
        <translation>The passphrase file {file} is readable by others; run chmod 600 on it.</translation>
    </message>
    <message>
        <location filename="../../services/central/keys.py" line="153"/>
        <source>Khoá ký {file} không khớp chứng thư DSC.</source>
        <translation>The signing key {file} does not match the DSC certificate.</translation>
    </message>
    <message>
        <location filename="../../services/central/keys.py" line="140"/>
        <source>Không mở được khoá ký {file}: sai mật khẩu hoặc tệp hỏng.</source>
        <translation>Cannot open the signing key {file}: wrong passphrase or damaged file.</translation>
    </message>
    <message>
        <location filename="../../services/central/keys.py" line="144"/>
        <source>Không đọc được khoá ký {file}: {err}</source>
        <translation>Cannot read the signing key {file}: {err}</translation>
    </message>
</context>
<context>
    <name>services.central.server</name>
    <message>
        <location filename="../../services/central/server.py" line="35"/>
        <source>Cần cả --tls-cert và --tls-key.</source>
        <translation>Give both --tls-cert and --tls-key.</translation>
    </message>
    <message>
        <location filename="../../services/central/server.py" line="38"/>
        <source>Không có tệp {file}.</source>
        <translation>There is no file {file}.</translation>
    </message>
    <message>
        <location filename="../../services/central/server.py" line="78"/>
        <source>Không mở được cổng {host}:{port} ({err}); cổng đang bận hoặc địa chỉ sai.</source>
        <translation>Cannot listen on {host}:{port} ({err}); the port is in use or the address is wrong.</translation>
    </message>
</context>
<context>
    <name>services.central.service</name>
    <message>
        <location filename="../../services/central/service.py" line="117"/>
        <source>Thông tin xác thực thuộc {caller}, nhưng lô do {signer} ký.</source>
        <translation>The credential belongs to {caller}, but the batch is signed by {signer}.</translation>
    </message>
    <message>
        <location filename="../../services/central/service.py" line="132"/>
        <source>Dịch vụ đang bận; hãy gửi lại sau.</source>
        <translation>The service is busy; send again later.</translation>
    </message>
    <message>
        <location filename="../../services/central/service.py" line="154"/>
        <source>Cần thông tin xác thực hợp lệ của cơ sở (Authorization: Bearer …).</source>
        <translation>A valid facility credential is required (Authorization: Bearer …).</translation>
    </message>
    <message>
        <location filename="../../services/central/service.py" line="401"/>
        <source>Thông tin xác thực thuộc {caller}, không phải bên đã ký yêu cầu thu hồi.</source>
        <translation>The credential belongs to {caller}, not to the signer of the revocation.</translation>
    </message>
    <message>
        <location filename="../../services/central/service.py" line="77"/>
        <source>Thư mục dữ liệu thiếu hoặc không đọc được {file}: {err}</source>
        <translation>The data folder lacks or cannot read {file}: {err}</translation>
    </message>
    <message>
        <location filename="../../services/central/service.py" line="143"/>
        <source>Mã lô {batch_id} đã được dùng cho một lô khác; mỗi lô ký phải có mã riêng.</source>
        <translation>The batch id {batch_id} was already used for a different batch; each signed batch needs its own id.</translation>
    </message>
    <message>
        <location filename="../../services/central/service.py" line="164"/>
        <source>Không có lô {batch_id}.</source>
        <translation>There is no batch {batch_id}.</translation>
    </message>
    <message>
        <location filename="../../services/central/service.py" line="412"/>
        <source>Không có chứng nhận {uvci}.</source>
        <translation>There is no certificate {uvci}.</translation>
    </message>
</context>
<context>
    <name>services.central.setup</name>
    <message>
        <location filename="../../services/central/setup.py" line="32"/>
        <location filename="../../services/central/setup.py" line="143"/>
        <source>{path} đã là thư mục dữ liệu của dịch vụ trung ương.</source>
        <translation>{path} is already a central service data folder.</translation>
    </message>
    <message>
        <location filename="../../services/central/setup.py" line="36"/>
        <source>Thuật toán {alg} không được hỗ trợ (PS256 hoặc ES256).</source>
        <translation>The algorithm {alg} is not supported (PS256 or ES256).</translation>
    </message>
    <message>
        <location filename="../../services/central/setup.py" line="41"/>
        <source>Cần mật khẩu cho khoá ký: đặt biến môi trường {env} (hoặc dùng --store-passphrase cho thư mục thử nghiệm, mật khẩu sẽ nằm cạnh khoá).</source>
        <translation>The signing key needs a passphrase: set {env} (or use --store-passphrase for a test folder, which keeps the passphrase beside the key).</translation>
    </message>
    <message>
        <location filename="../../services/central/setup.py" line="115"/>
        <source>Chưa có cơ sở hay đơn vị đầu mối nào mang mã {code}.</source>
        <translation>No facility or focal agency is registered under the code {code}.</translation>
    </message>
</context>
<context>
    <name>services.central.signers</name>
    <message>
        <location filename="../../services/central/signers.py" line="25"/>
        <source>Mã cơ sở "{code}" không hợp lệ (1-20 chữ, số, . _ -).</source>
        <translation>The facility code "{code}" is not valid (1-20 letters, digits, . _ -).</translation>
    </message>
    <message>
        <location filename="../../services/central/signers.py" line="61"/>
        <source>Hãy nêu các cơ sở mà đơn vị đầu mối được ký thay.</source>
        <translation>List the facilities the focal agency may sign for.</translation>
    </message>
    <message>
        <location filename="../../services/central/signers.py" line="78"/>
        <source>Chứng thư {subject} không phải chứng thư CA.</source>
        <translation>The certificate {subject} is not a CA.</translation>
    </message>
    <message>
        <location filename="../../services/central/signers.py" line="35"/>
        <source>Không đọc được chứng thư: {err}</source>
        <translation>Cannot read the certificate: {err}</translation>
    </message>
</context>
<context>
    <name>services.central.storage</name>
    <message>
        <location filename="../../services/central/storage.py" line="61"/>
        <source>Không mở được cơ sở dữ liệu trung ương: {err}</source>
        <translation>Cannot open the central database: {err}</translation>
    </message>
</context>
<context>
    <name>services.central.updates</name>
    <message>
        <location filename="../../services/central/updates.py" line="55"/>
        <source>Khoá {file} không phải khoá Ed25519.</source>
        <translation>The key {file} is not an Ed25519 key.</translation>
    </message>
    <message>
        <location filename="../../services/central/updates.py" line="45"/>
        <source>Chưa có khoá ký bản cập nhật {file}.</source>
        <translation>There is no update signing key {file}.</translation>
    </message>
    <message>
        <location filename="../../services/central/updates.py" line="70"/>
        <source>Đã công bố {kind} phiên bản {published}; phiên bản mới phải lớn hơn.</source>
        <translation>{kind} version {published} is already published; a new version must be greater.</translation>
    </message>
    <message>
        <location filename="../../services/central/updates.py" line="90"/>
        <source>Không có loại cập nhật "{kind}".</source>
        <translation>There is no update kind "{kind}".</translation>
    </message>
    <message>
        <location filename="../../services/central/updates.py" line="95"/>
        <source>Chưa có bản cập nhật {kind} nào được công bố.</source>
        <translation>No {kind} update has been published.</translation>
    </message>
</context>
</TS>
