fn main() {
    wangge_app::start();
}
